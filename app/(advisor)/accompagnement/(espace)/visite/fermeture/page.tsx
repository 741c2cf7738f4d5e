import type { Metadata } from 'next';
import Link from 'next/link';
import { StaffLifecycleForm } from '@/components/closure/StaffLifecycleForm';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { visitProfiles } from '@/lib/france-services/visits/assisted-actions';
import { offeredActions } from '@/lib/france-services/visits/rules';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { closeInVisitAction, requestDeletionInVisitAction } from './actions';

export const metadata: Metadata = { title: 'Fermer un profil ou demander la suppression des données' };

const day = (iso: string) => iso.split('-').reverse().join('/');

/**
 * FS-3, CLO-2, CLO-5: with the person present, the closure of a covered profile (created or active) or the
 * deletion of a closed one's archived data. The person confirms; the advisor never sees the content.
 */
export default async function VisitClosurePage() {
  const advisor = await advisorInVisitOrRedirect();
  const profiles = (await visitProfiles(getDb(), advisor)).filter((p) => offeredActions(p).closure);
  const name = (p: { firstNames: string; birthName: string }) => `${p.firstNames.split(' ')[0]} ${p.birthName}`;
  return (
    <>
      <PageTitle title="Fermer un profil ou demander la suppression des données"
        lead="À la demande de la personne présente, pour son profil ou celui d’un enfant qu’elle représente. Lisez-lui les conséquences avant de confirmer." />
      <p className="mb-6"><Link href="/accompagnement/visite">← Accompagnement en cours</Link></p>
      {profiles.length === 0 && <p>Aucun profil de cet accompagnement ne peut être fermé ici.</p>}
      {profiles.map((p) => p.state === 'CLOSED' ? (
        <StaffLifecycleForm key={p.id} scope={`suppression-${p.id}`} profileId={p.id} title={`Demander la suppression des données de ${name(p)}`}
          submitLabel={`Demander la suppression des données de ${name(p)}`} variant="danger" action={requestDeletionInVisitAction}
          fields={[{ kind: 'checkbox', name: 'confirmed', required: true, label: 'La personne demande la suppression définitive de ces données' }]}>
          <p>Le profil de {name(p)}, né(e) le {day(p.birthDate)}, est fermé : ses données sont archivées. Elles seront effacées dans un délai de 30 jours, et au plus tard sous 3 mois, historique compris.</p>
          <p>Réactiver le profil d’ici là annule la demande. Une confirmation est envoyée par courriel si une adresse est connue.</p>
        </StaffLifecycleForm>
      ) : (
        <StaffLifecycleForm key={p.id} scope={`fermeture-${p.id}`} profileId={p.id} title={`Fermer le profil de ${name(p)}`}
          submitLabel={`Fermer le profil de ${name(p)}`} variant="danger" action={closeInVisitAction}
          fields={[
            { kind: 'checkbox', name: 'deleteData', label: 'La personne demande aussi la suppression des données',
              hint: 'Effacement dans un délai de 30 jours, au plus tard sous 3 mois ; une réactivation avant cette date l’annule.' },
            { kind: 'checkbox', name: 'confirmed', required: true, label: 'La personne confirme sa demande de fermeture ; je lui ai lu les conséquences' },
          ]}>
          <p>{name(p)}, né(e) le {day(p.birthDate)}. La fermeture est immédiate : plus personne n’a accès au profil, ni la personne ni les professionnels de santé.</p>
          <p>Les données sont archivées 10 ans ; le profil peut être rouvert pendant ce temps avec un nouveau code provisoire.
            {p.relation === 'SELF' && ' Les profils des enfants que la personne représente restent ouverts.'}</p>
        </StaffLifecycleForm>
      ))}
    </>
  );
}
