import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, Table } from '@/components/ui';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { describeAction, describeActor, modeLabel, whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { readPatientHistory } from '@/lib/professional-access/patient-history';

export const metadata: Metadata = { title: 'Historique d’activité du patient' };

/** AUD-6: the médecin traitant reads the patient's traces (all tabs), newest first. */
export default async function PatientHistoryPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ avant?: string; apres?: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const { avant, apres } = await searchParams;
  const loaded = await loadOrRefuse(() => readPatientHistory(getDb(), actor, profileId, { tab: 'tout', before: avant, after: apres }, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, history } = loaded.value;
  return (
    <>
      <PatientHeader access={access} current="historique" />
      <p className="mb-4">En tant que médecin traitant, vous voyez l’historique d’activité du profil, comme le patient.</p>
      <Table caption="Historique d’activité, du plus récent au plus ancien" rowKey={(r) => r.id} rows={history.rows} empty="Aucune activité."
        columns={[
          { key: 'at', header: 'Date', cell: (r) => whenLong(r.at) },
          { key: 'who', header: 'Qui', rowHeader: true, cell: (r) => describeActor(r, null) },
          { key: 'what', header: 'Action', cell: (r) => describeAction({ ...r, document_title: null }) },
          { key: 'mode', header: 'Mode', cell: (r) => { const label = modeLabel(r.mode); return label ? <Badge variant="warning">{label}</Badge> : '—'; } },
        ]} />
      <p className="mt-4 flex gap-6">
        {history.newerCursor && <Link className="underline" href={`/pro/patients/${profileId}/historique?apres=${history.newerCursor}`}>Plus récent</Link>}
        {history.olderCursor && <Link className="underline" href={`/pro/patients/${profileId}/historique?avant=${history.olderCursor}`}>Plus ancien</Link>}
      </p>
    </>
  );
}
