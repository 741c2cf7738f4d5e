import type { Metadata } from 'next';
import { Card, PageTitle } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Back-office' };

export default async function BackofficeHome() {
  const actor = await requireAudience('staff');
  return (
    <>
      <PageTitle title={`Bonjour ${actor.name}`} lead={actor.role === 'SUPERVISOR' ? 'Profil : superviseur' : 'Profil : agent'} />
      <div className="grid gap-6 md:grid-cols-3">
        <Card title="Population assurée" href="/admin/population">
          Importer le fichier des assurés d’un département et suivre chaque import, avec son rapport de rejets.
        </Card>
        <Card title="Créer un bénéficiaire" href="/admin/beneficiaires/nouveau">
          Enregistrer une personne et lui envoyer son avis de création avec un code provisoire.
        </Card>
        <Card title="Créer le profil d’un mineur confié à l’ASE" href="/admin/beneficiaires/ase">
          Un mineur confié à l’aide sociale à l’enfance, sans adulte rattaché : profil créé sans représentant légal, remis à ses 18 ans.
        </Card>
        <Card title="Tâches en échec" href="/admin/taches">Envois qui ont échoué après toutes leurs tentatives, à relancer.</Card>
        <Card title="Courriels (environnement de démonstration)" href="/admin/courriels">
          Sans serveur SMTP configuré, les courriels sont conservés ici au lieu d’être envoyés.
        </Card>
      </div>
    </>
  );
}
