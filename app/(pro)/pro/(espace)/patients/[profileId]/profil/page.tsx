import type { Metadata } from 'next';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { describeEntry } from '@/lib/medical-profile/describe-entry';
import { readPatientSections } from '@/lib/professional-access/patient-record';

export const metadata: Metadata = { title: 'Vaccinations, entourage et volontés du patient' };

/** PRO-11: the sections a professional reaches directly; the rest only through a filed Synthèse médicale. */
export default async function ProSectionsPage({ params }: { params: Promise<{ profileId: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const loaded = await loadOrRefuse(() => readPatientSections(getDb(), actor, profileId, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, entries, vaccinationsAllowed } = loaded.value;
  const sections = [
    { title: 'Vaccinations', kinds: ['VACCINATION'], shown: vaccinationsAllowed },
    { title: 'Entourage et volontés', kinds: ['CONTACT', 'ORGAN_DONATION'], shown: true },
  ];
  return (
    <>
      <PatientHeader access={access} current="profil" />
      <p className="mb-6">Les allergies, traitements, antécédents et mesures ne sont visibles que dans une synthèse médicale déposée dans les documents.</p>
      {sections.map((s, i) => {
        const rows = entries.filter((e) => s.kinds.includes(e.kind));
        return (
          <section key={s.title} aria-labelledby={`rubrique-${i}`} className="mb-8">
            <h2 id={`rubrique-${i}`} className="mb-3 text-2xl font-bold">{s.title}</h2>
            {!s.shown ? <p>La matrice d’habilitation ne permet pas à votre profession de consulter cette rubrique.</p>
              : rows.length === 0 ? <p>Rien n’est renseigné.</p>
                : <ul className="list-disc pl-6">{rows.map((e) => { const d = describeEntry(e.kind, e.payload); return <li key={e.id}><strong>{d.title}</strong>{d.details.length ? ` — ${d.details.join(' · ')}` : ''}</li>; })}</ul>}
          </section>
        );
      })}
    </>
  );
}
