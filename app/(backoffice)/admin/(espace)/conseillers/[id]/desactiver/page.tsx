import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { deactivateAdvisorAction } from '../../actions';
import { AdvisorActionForm } from '../../AdvisorActionForm';
import { advisorOr404 } from '../advisor';

export const metadata: Metadata = { title: 'Désactiver un compte conseiller' };

/** FS-1: the confirmation before a deactivation — what it does, then one button (or back). */
export default async function DeactivateAdvisorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const advisor = await advisorOr404(actor, id);
  const decision = authorize(actor, 'advisor.manage');
  return (
    <>
      <PageTitle title={`Désactiver le compte de ${advisor.name} ?`} lead={`Conseiller de ${advisor.siteName}, ${advisor.email}.`} />
      {advisor.state === 'DEACTIVATED' ? (
        <Alert variant="info" title="Ce compte est déjà désactivé">Le conseiller ne peut plus se connecter.</Alert>
      ) : !decision.allowed ? (
        <Alert variant="info" title="Réservé aux superviseurs">{decision.reason}</Alert>
      ) : (
        <div className="max-w-3xl rounded-lg border border-border bg-white p-6">
          <Alert variant="warning" title="La désactivation est immédiate">
            Le conseiller ne peut plus se connecter, sa session en cours s’arrête dès sa prochaine action et les liens de mot de passe
            en attente ne fonctionnent plus. Son compte et ses traces sont conservés ; un superviseur peut le réactiver.
          </Alert>
          <AdvisorActionForm id={advisor.id} action={deactivateAdvisorAction} label="Désactiver le compte" variant="danger" />
        </div>
      )}
      <p className="mt-6"><Link href={`/admin/conseillers/${advisor.id}`}>Retour au compte du conseiller</Link></p>
    </>
  );
}
