import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { listSites } from '@/lib/france-services/list-advisors';
import { createAdvisorAction } from '../actions';
import { CreateAdvisorForm } from './CreateAdvisorForm';

export const metadata: Metadata = { title: 'Créer un compte conseiller' };

/** FS-1: a supervisor creates an advisor's account; the advisor chooses their password through the emailed link. */
export default async function NewAdvisorPage() {
  const actor = await requireAudience('staff');
  const decision = authorize(actor, 'advisor.manage');
  const sites = await listSites(getDb());
  return (
    <>
      <PageTitle title="Créer un compte conseiller"
        lead="Le conseiller reçoit à son adresse professionnelle un lien, valable 72 heures et utilisable une seule fois, pour choisir son mot de passe. Il se connecte ensuite avec ce mot de passe et un code reçu par courriel." />
      {decision.allowed
        ? <CreateAdvisorForm action={createAdvisorAction} sites={sites.map((s) => ({ value: s.id, label: `${s.name} — ${s.commune} (${s.departement})` }))} />
        : <Alert variant="info" title="Réservé aux superviseurs">La création d’un compte conseiller est réservée aux superviseurs : {decision.reason}</Alert>}
      <p className="mt-6"><Link href="/admin/conseillers">Retour à la liste des conseillers</Link></p>
    </>
  );
}
