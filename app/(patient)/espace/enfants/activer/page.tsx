import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { ActivateChildForm } from '@/components/representatives/ActivateChildForm';
import { birthDayFr } from '@/components/representatives/labels';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { childrenToActivate } from '@/lib/representatives/activate-child';
import { activateChildAction } from './actions';

export const metadata: Metadata = { title: 'Activer le profil d’un enfant' };

/** REP-2: one form per child attached to this account holder at the fund whose profile still waits. */
export default async function ActivateChildrenPage() {
  const actor = await requireAudience('patient');
  const children = await childrenToActivate(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Activer le profil d’un enfant"
        lead="Vous êtes le représentant légal auquel ces enfants sont rattachés auprès de l’Assurance Maladie. Saisissez le code provisoire reçu pour chacun d’eux." />
      {children.length === 0 && (
        <Alert variant="info" title="Aucun profil d’enfant à activer">
          <p>Les profils de vos enfants sont déjà activés, ou aucun enfant mineur n’est rattaché à votre carte Vitale.</p>
          <p><Link href="/espace">Revenir à l’accueil</Link></p>
        </Alert>
      )}
      <div className="space-y-10">
        {children.map((child) => (
          <section key={child.id} aria-labelledby={`enfant-${child.id}`} className="rounded-lg border border-border bg-white p-6">
            <h2 id={`enfant-${child.id}`} className="text-2xl font-bold">{child.first_names} {child.birth_name}</h2>
            <p className="mb-6 text-muted">Né(e) le {birthDayFr(child.birth_date)}</p>
            <ActivateChildForm childId={child.id} firstName={child.firstName} action={activateChildAction} />
          </section>
        ))}
      </div>
    </>
  );
}
