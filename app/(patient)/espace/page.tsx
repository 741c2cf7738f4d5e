import type { Metadata } from 'next';
import { Card, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { requireAudience } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Accueil de mon espace' };

/** Dashboard: the sections that exist so far, for the holder and for each represented child. */
export default async function DashboardPage() {
  const actor = await requireAudience('patient');
  const profiles = await listAccessibleProfiles(getDb(), actor);
  const own = profiles.find((p) => p.relation === 'HOLDER');
  const children = profiles.filter((p) => p.relation !== 'HOLDER');
  return (
    <>
      <PageTitle title={`Bonjour ${own?.firstName ?? actor.name}`} lead="Bienvenue dans Mon espace santé." />
      <h2 className="mb-4 text-2xl font-bold">Mon profil</h2>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Historique d’activité" href="/espace/historique">
          Qui a consulté ou modifié votre profil, et quand : vos actions, celles des professionnels de santé et de l’Assurance Maladie.
        </Card>
      </div>
      {children.length > 0 && (
        <section aria-labelledby="profils-representes" className="mt-10">
          <h2 id="profils-representes" className="mb-4 text-2xl font-bold">Profils que je représente</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {children.map((child) => (
              <Card key={child.id} title={`Historique d’activité de ${child.firstName}`} href={`/espace/historique?profil=${child.id}`}>
                {child.firstName} {child.birthName}, né(e) le {child.birthDateFr}. Vous êtes son représentant légal.
              </Card>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
