import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Table } from '@/components/ui';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { formatDay } from '@/components/documents/labels';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { CARE_CATEGORIES } from '@/lib/care-history/categories';
import { clock } from '@/lib/clock';
import { readPatientCareHistory } from '@/lib/professional-access/patient-record';

export const metadata: Metadata = { title: 'Mon histoire de santé du patient' };

/** HIS-4, HIS-5 for a professional: visible 48 h after activation, hidden under mask-all (but to the administrateur). */
export default async function ProCareHistoryPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ apres?: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const { apres } = await searchParams;
  const loaded = await loadOrRefuse(() => readPatientCareHistory(getDb(), actor, profileId, { after: apres }, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, history, hidden } = loaded.value;
  return (
    <>
      <PatientHeader access={access} current="histoire" />
      {hidden && <Alert variant="info" title="Mon histoire de santé n’est pas consultable">{hidden.replace(/^Accès refusé : /, '')}</Alert>}
      {history && history.years.length === 0 && <p>Aucun soin remboursé pour le moment.</p>}
      {history?.years.map(({ year, episodes }) => (
        <section key={year} aria-labelledby={`annee-${year}`} className="mb-8">
          <h2 id={`annee-${year}`} className="mb-4 text-2xl font-bold">{year}</h2>
          <Table caption={`Soins remboursés en ${year}`} captionHidden rows={episodes} rowKey={(e) => e.id}
            columns={[
              { key: 'date', header: 'Date', cell: (e) => formatDay(e.careDate) },
              { key: 'label', header: 'Soin', rowHeader: true, cell: (e) => e.label },
              { key: 'category', header: 'Catégorie', cell: (e) => CARE_CATEGORIES[e.category] },
              { key: 'specialty', header: 'Spécialité du prescripteur', cell: (e) => e.prescriberSpecialty ?? 'Non renseignée' },
            ]} />
        </section>
      ))}
      {history?.next && <p><Link className="underline" href={`/pro/patients/${profileId}/histoire?apres=${encodeURIComponent(history.next)}`}>Soins plus anciens</Link></p>}
    </>
  );
}
