import type { Metadata } from 'next';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { DepositForm } from '@/components/pro/DepositForm';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { DOCUMENT_TYPES } from '@/lib/access-matrix/professions';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { findPatientDocument } from '@/lib/professional-access/patient-documents';
import { openPatientRecord } from '@/lib/professional-access/patient-record';
import { depositAction } from '../../actions';

export const metadata: Metadata = { title: 'Déposer un document' };

/** PRO-8: deposit (or, with `?remplace=`, replace: DOC-11) a document in the patient's profile. */
export default async function DepositPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ remplace?: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const { remplace } = await searchParams;
  const db = getDb();
  const now = clock.now();
  const loaded = await loadOrRefuse(async () => {
    const access = await openPatientRecord(db, actor, profileId, now, 'PRO');
    const old = remplace ? (await findPatientDocument(db, actor, remplace, 'document.replace', 'document.replace', now, 'PRO')).row : undefined;
    return { access, old };
  });
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, old } = loaded.value;
  const [y, m, d] = parisIsoDay(now).split('-');
  return (
    <>
      <PatientHeader access={access} current="deposer" />
      <h2 className="mb-4 text-2xl font-bold">{old ? `Remplacer « ${old.title} »` : 'Déposer un document'}</h2>
      {old && <p className="mb-4">La nouvelle version remplacera l’ancienne, qui restera consultable comme « ancienne version obsolète ». Les réglages de confidentialité sont repris sauf si vous les changez.</p>}
      <DepositForm action={depositAction} profileId={profileId} minor={access.profile.kind === 'CHILD'} today={`${d}/${m}/${y}`}
        replaces={old && { id: old.id, title: old.title, typeCode: old.type_code }}
        types={Object.entries(DOCUMENT_TYPES).map(([code, t]) => ({ value: code, label: `${t.label} (${code})` }))} />
    </>
  );
}
