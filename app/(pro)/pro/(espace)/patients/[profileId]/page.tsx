import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { openPatientRecord } from '@/lib/professional-access/patient-record';

export const metadata: Metadata = { title: 'Profil du patient' };

/** The record's home: who, on which basis, and where to go (PRO-11). */
export default async function PatientRecordPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ autorise?: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const { autorise } = await searchParams;
  const loaded = await loadOrRefuse(() => openPatientRecord(getDb(), actor, profileId, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const access = loaded.value;
  return (
    <>
      <PatientHeader access={access} current="accueil" />
      {autorise && <Alert variant="success" title="C’est fait">Votre accès est enregistré. Le patient le verra dans son historique d’activité.</Alert>}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-border bg-white p-5"><Link className="text-lg font-semibold underline" href={`/pro/patients/${profileId}/documents`}>Documents</Link>
          <p className="mt-1">Comptes rendus, ordonnances, résultats, selon ce que votre profession peut consulter.</p></li>
        <li className="rounded-lg border border-border bg-white p-5"><Link className="text-lg font-semibold underline" href={`/pro/patients/${profileId}/histoire`}>Mon histoire de santé</Link>
          <p className="mt-1">Les soins remboursés par l’Assurance Maladie.</p></li>
        <li className="rounded-lg border border-border bg-white p-5"><Link className="text-lg font-semibold underline" href={`/pro/patients/${profileId}/profil`}>Vaccinations, entourage et volontés</Link>
          <p className="mt-1">Les autres rubriques du profil médical ne sont visibles que dans une synthèse médicale déposée.</p></li>
        {access.pro.authorised && (
          <li className="rounded-lg border border-border bg-white p-5"><Link className="text-lg font-semibold underline" href={`/pro/patients/${profileId}/deposer`}>Déposer un document</Link>
            <p className="mt-1">PDF ou document CDA, avec son type et sa date. Le patient en est informé.</p></li>
        )}
      </ul>
    </>
  );
}
