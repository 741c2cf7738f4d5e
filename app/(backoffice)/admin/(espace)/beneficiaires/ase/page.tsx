import type { Metadata } from 'next';
import { AseProfileForm } from '@/components/representatives/AseProfileForm';
import { PageTitle } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { createAseProfileAction } from './actions';

export const metadata: Metadata = { title: 'Créer le profil d’un mineur confié à l’ASE' };

export default async function AseProfilePage() {
  await requireAudience('staff');
  return (
    <>
      <PageTitle title="Créer le profil d’un mineur confié à l’ASE"
        lead="Pour un mineur confié à l’aide sociale à l’enfance, sans adulte rattaché : le profil est créé sans représentant légal. Les professionnels de santé l’alimentent et le consultent ; personne n’y accède côté patient avant ses 18 ans, où il lui est remis." />
      <AseProfileForm action={createAseProfileAction} />
    </>
  );
}
