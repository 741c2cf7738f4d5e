import Link from 'next/link';
import { Alert } from '@/components/ui';
import type { PatientAccess } from '@/lib/professional-access/patient-gate';

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** Who the professional is looking at, on which basis, and the record's sections. */
export function PatientHeader({ access, current }: { access: PatientAccess; current: 'accueil' | 'documents' | 'histoire' | 'profil' | 'deposer' | 'historique' | 'messages' }) {
  const p = access.profile;
  const id = p.id;
  const tabs = [
    { key: 'accueil', href: `/pro/patients/${id}`, label: 'Synthèse' },
    { key: 'documents', href: `/pro/patients/${id}/documents`, label: 'Documents' },
    { key: 'histoire', href: `/pro/patients/${id}/histoire`, label: 'Mon histoire de santé' },
    { key: 'profil', href: `/pro/patients/${id}/profil`, label: 'Vaccinations, entourage et volontés' },
    ...(access.pro.authorised ? [{ key: 'deposer', href: `/pro/patients/${id}/deposer`, label: 'Déposer un document' }] : []),
    ...(access.pro.authorised ? [{ key: 'messages', href: `/pro/patients/${id}/messages`, label: 'Messagerie' }] : []), // MSG-2
    // AUD-6: the médecin traitant reads the patient's activity history.
    ...(access.relation.medecinTraitant ? [{ key: 'historique', href: `/pro/patients/${id}/historique`, label: 'Historique d’activité' }] : []),
  ];
  const [y, m, d] = p.birthDate.split('-');
  return (
    <header className="mb-6">
      <h1 className="text-3xl font-bold">{p.firstNames} {p.birthName}</h1>
      <p className="mt-1 text-lg">Né{p.sex === 2 ? 'e' : ''} le {d}/{m}/{y}{p.kind === 'CHILD' ? ' · mineur' : ''}{p.state === 'CREATED' ? ' · profil pas encore activé par son titulaire' : ''}</p>
      {access.mode !== 'NORMAL' && access.relation.emergency && (
        <Alert variant="warning" title={access.mode === 'REGULATION' ? 'Accès en mode régulation' : 'Accès en urgence (bris de glace)'} className="mt-4">
          Consultation seule, jusqu’au {DATE_TIME.format(access.relation.emergency.expiresAt)}. Le patient en a été informé.
        </Alert>
      )}
      {access.mode === 'NORMAL' && access.relation.authorisation && (
        <p className="mt-2">{access.relation.authorisation.basis === 'CARE_TEAM' ? 'Équipe de soins, patient informé' : 'Autorisé par le patient'} depuis le {DATE.format(access.relation.authorisation.grantedAt)}.</p>
      )}
      <nav aria-label="Profil du patient" className="mt-4 border-b border-border">
        <ul className="flex flex-wrap gap-x-6">
          {tabs.map((t) => (
            <li key={t.key}>
              <Link href={t.href} aria-current={t.key === current ? 'page' : undefined}
                className={`inline-block py-2 underline-offset-4 ${t.key === current ? 'border-b-4 border-primary-700 font-semibold' : 'underline'}`}>{t.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
