import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ChooseForm, type Choice } from '@/components/opposition/ChooseForm';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { findOpposableProfiles, type Identity } from '@/lib/oppositions/identify';
import { readSealedCookie } from '@/app/_auth/sealed-cookie';
import { confirmOpposition } from '../actions';
import { IDENTITY_COOKIE } from '../cookies';

export const metadata: Metadata = { title: 'Choisir les personnes – opposition' };

const day = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const NOT_PENDING: Record<string, string> = {
  OPPOSED: 'Une opposition est déjà enregistrée.',
  CREATED: 'Le profil est déjà créé : l’opposition n’est plus possible, mais il peut être fermé.',
  ACTIVE: 'Le profil est activé : il peut être fermé depuis l’espace personnel.',
};

export default async function ChoosePage() {
  const who = await readSealedCookie<Identity>(IDENTITY_COOKIE);
  if (!who) redirect('/opposition');
  const profiles = await findOpposableProfiles(getDb(), who).catch((e) => { if (e instanceof DomainError) return null; throw e; });
  if (!profiles) redirect('/opposition');
  const choices: Choice[] = profiles.map((p) => ({
    id: p.id,
    label: `${p.relation === 'SELF' ? 'Moi-même' : 'Mon enfant'} : ${p.firstNames.split(' ')[0]} ${p.birthName}, né(e) le ${day(p.birthDate)}`,
    note: p.state === 'PENDING' ? undefined : NOT_PENDING[p.state] ?? 'Ce profil ne peut pas faire l’objet d’une opposition.',
    disabled: p.state !== 'PENDING',
  }));
  return (
    <>
      <PageTitle title="Pour qui vous opposez-vous ?" lead="Chaque profil fait l’objet d’une opposition distincte. Un récépissé vous sera remis pour chacun." />
      {profiles.some((p) => p.state === 'CREATED') && (
        <Alert variant="info" title="Un profil est déjà créé">
          L’opposition n’est plus possible pour un profil déjà créé, mais vous pouvez le fermer avec votre code provisoire :{' '}
          <Link href="/fermeture">fermer un profil déjà créé</Link>.
        </Alert>
      )}
      <ChooseForm choices={choices} action={confirmOpposition} />
    </>
  );
}
