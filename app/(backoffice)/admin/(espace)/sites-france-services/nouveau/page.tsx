import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { createSiteAction } from '../actions';
import { SiteForm } from '../SiteForm';

export const metadata: Metadata = { title: 'Ajouter un espace France Services' };

/** FS-1: a supervisor adds a site, so that its advisors can then be given their accounts. */
export default async function NewSitePage() {
  const actor = await requireAudience('staff');
  const decision = authorize(actor, 'advisor.manage');
  return (
    <>
      <PageTitle title="Ajouter un espace France Services"
        lead="Une fois l’espace ajouté, vous pourrez créer les comptes de ses conseillers." />
      {decision.allowed
        ? <SiteForm action={createSiteAction} submitLabel="Ajouter l’espace" />
        : <Alert variant="info" title="Réservé aux superviseurs">L’ajout d’un espace France Services est réservé aux superviseurs : {decision.reason}</Alert>}
      <p className="mt-6"><Link href="/admin/sites-france-services">Retour à la liste des espaces France Services</Link></p>
    </>
  );
}
