import type { Metadata } from 'next';
import { Alert, Badge, Button, Field, PageTitle, Pagination, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { ValidationError } from '@/lib/errors';
import { EMERGENCY_MODE_LABELS } from '@/lib/notifications/messages';
import { emergencyReport, type EmergencyReport, type ReportAccess, type ReportMonth } from '@/lib/professional-access/emergency-report';

export const metadata: Metadata = { title: 'Accès en urgence par professionnel' };

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (m: string) => MONTH.format(new Date(`${m}-01T12:00:00Z`));
const duration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`);

/** EMG-7: the per-professional report of emergency accesses, searched by RPPS; each reading is traced. */
export default async function EmergencyReportPage({ searchParams }: { searchParams: Promise<{ rpps?: string; avant?: string }> }) {
  const actor = await requireAudience('staff');
  const { rpps, avant } = await searchParams;
  let report: EmergencyReport | null = null;
  let error: string | undefined;
  if (rpps !== undefined) {
    try {
      report = await emergencyReport(getDb(), actor, { rpps, before: avant }, clock.now());
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      error = e.message;
    }
  }
  const pro = report?.professional;
  return (
    <>
      <PageTitle title="Accès en urgence par professionnel"
        lead="Les accès en urgence (bris de glace et régulation SAMU) d’un professionnel de santé, avec leur justification. Les numéros de sécurité sociale des patients sont masqués. Chaque consultation de ce rapport est tracée." />
      <form method="get" className="mb-8 flex max-w-2xl flex-wrap items-end gap-4" role="search" aria-label="Rechercher un professionnel">
        <Field label="Numéro RPPS" name="rpps" required defaultValue={rpps} error={error} autoComplete="off" inputMode="numeric"
          hint="11 chiffres." inputClassName="max-w-xs" />
        <div className="mb-6"><Button type="submit">Afficher le rapport</Button></div>
      </form>
      {report && !pro && <Alert variant="info" title="Aucun professionnel">Aucun professionnel de santé n’a le numéro RPPS {rpps}.</Alert>}
      {pro && (
        <>
          <h2 className="mb-2 text-xl font-bold">{pro.name}, {pro.profession} (RPPS {pro.rpps})</h2>
          <p className="mb-4">{pro.regulationCentre ? 'Exerce dans un centre de régulation du SAMU.' : 'N’exerce pas dans un centre de régulation du SAMU.'}</p>
          <Table<ReportMonth> caption="Nombre d’accès en urgence par mois" rows={report!.months} rowKey={(m) => m.month}
            empty="Aucun accès en urgence." columns={[
              { key: 'month', header: 'Mois', rowHeader: true, cell: (m) => monthLabel(m.month) },
              { key: 'total', header: 'Accès', align: 'right', cell: (m) => m.total },
              { key: 'emergency', header: EMERGENCY_MODE_LABELS.EMERGENCY, align: 'right', cell: (m) => m.emergency },
              { key: 'regulation', header: EMERGENCY_MODE_LABELS.REGULATION, align: 'right', cell: (m) => m.regulation },
            ]} />
          <Table<ReportAccess> caption={avant ? 'Accès en urgence (plus anciens)' : 'Accès en urgence, du plus récent au plus ancien'}
            rows={report!.accesses} rowKey={(a) => a.id} empty="Aucun accès en urgence." columns={[
              { key: 'at', header: 'Date', rowHeader: true, cell: (a) => whenLong(a.startedAt) },
              { key: 'patient', header: 'Patient (NIR masqué)', cell: (a) => <span className="whitespace-nowrap">{a.nirMasked}</span> },
              { key: 'mode', header: 'Mode', cell: (a) => EMERGENCY_MODE_LABELS[a.mode] },
              { key: 'reason', header: 'Motif', cell: (a) => a.reason },
              { key: 'justification', header: 'Justification', cell: (a) => a.justification },
              { key: 'duration', header: 'Durée', cell: (a) => (
                <>{duration(a.durationMinutes)}{a.running && <> <Badge variant="warning">En cours</Badge></>}</>
              ) },
            ]} />
          <Pagination label="Pagination des accès en urgence" prevHref={avant ? `/admin/urgences?rpps=${pro.rpps}` : undefined}
            prevLabel="Accès les plus récents" nextLabel="Accès plus anciens"
            nextHref={report!.olderCursor ? `/admin/urgences?rpps=${pro.rpps}&avant=${report!.olderCursor}` : undefined} />
        </>
      )}
    </>
  );
}
