import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, ButtonLink, PageTitle } from '@/components/ui';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { reactivateAdvisorAction, resetAdvisorAction } from '../actions';
import { AdvisorActionForm } from '../AdvisorActionForm';
import { AdvisorStateBadge } from '../state-badge';
import { advisorOr404 } from './advisor';

export const metadata: Metadata = { title: 'Compte conseiller' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

const DONE: Record<string, { title: string; text: string }> = {
  cree: { title: 'Le compte est créé', text: 'Un courriel « Votre compte conseiller France Services » est parti avec un lien, valable 72 heures, pour choisir le mot de passe.' },
  lien: { title: 'Un nouveau lien est envoyé', text: 'L’ancien mot de passe et les liens précédents ne fonctionnent plus. Le conseiller a 72 heures pour choisir un nouveau mot de passe.' },
  desactive: { title: 'Le compte est désactivé', text: 'Le conseiller ne peut plus se connecter et sa session en cours s’arrête dès sa prochaine action.' },
  reactive: { title: 'Le compte est réactivé', text: 'Le conseiller peut de nouveau se connecter avec son mot de passe.' },
};

/** FS-1: one advisor account — its state, and what a supervisor (deactivate, reactivate) or an agent (new link) can do. */
export default async function AdvisorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const { fait } = await searchParams;
  const advisor = await advisorOr404(actor, id);
  const done = fait ? DONE[fait] : undefined;
  const mayManage = authorize(actor, 'advisor.manage').allowed;
  const deactivated = advisor.state === 'DEACTIVATED';
  return (
    <>
      <PageTitle title={advisor.name} lead={`Conseiller de ${advisor.siteName}`} />
      {done && <Alert variant="success" title={done.title}>{done.text}</Alert>}
      <dl className="mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">État</dt><dd><AdvisorStateBadge state={advisor.state} /></dd>
        <dt className="font-semibold">Identifiant et adresse électronique</dt><dd className="break-all">{advisor.email}</dd>
        <dt className="font-semibold">Espace France Services</dt><dd>{advisor.siteName}</dd>
        <dt className="font-semibold">Compte créé le</dt><dd>{when.format(advisor.createdAt)}</dd>
        <dt className="font-semibold">Dernière connexion</dt><dd>{advisor.lastLoginAt ? when.format(advisor.lastLoginAt) : 'Jamais'}</dd>
        {advisor.deactivatedAt && <><dt className="font-semibold">Désactivé le</dt><dd>{when.format(advisor.deactivatedAt)}</dd></>}
      </dl>

      {!deactivated && (
        <section aria-labelledby="lien" className="mb-8 max-w-3xl">
          <h2 id="lien" className="mb-2 text-2xl font-bold">Mot de passe oublié ou compte bloqué</h2>
          <p className="mb-4">
            Le mot de passe actuel cesse de fonctionner aussitôt, le blocage éventuel est levé, et le conseiller reçoit à son adresse un
            nouveau lien, valable 72 heures, pour choisir un nouveau mot de passe. Personne d’autre ne le voit ni ne le choisit.
          </p>
          <AdvisorActionForm id={advisor.id} action={resetAdvisorAction} label="Annuler le mot de passe et envoyer un nouveau lien" variant="secondary" />
        </section>
      )}

      {mayManage && (
        <section aria-labelledby="acces" className="mb-8 max-w-3xl">
          <h2 id="acces" className="mb-2 text-2xl font-bold">Accès du conseiller</h2>
          {deactivated ? (
            <>
              <p className="mb-4">Le conseiller retrouvera l’accès avec son mot de passe actuel.</p>
              <AdvisorActionForm id={advisor.id} action={reactivateAdvisorAction} label="Réactiver le compte" />
            </>
          ) : (
            <>
              <p className="mb-4">Par exemple quand le conseiller quitte l’espace France Services. La désactivation prend effet immédiatement.</p>
              <ButtonLink href={`/admin/conseillers/${advisor.id}/desactiver`} variant="danger">Désactiver le compte</ButtonLink>
            </>
          )}
        </section>
      )}
      <p className="mt-6"><Link href="/admin/conseillers">Retour à la liste des conseillers</Link></p>
    </>
  );
}
