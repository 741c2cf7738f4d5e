import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listSitesWithAdvisors, type SiteSummary } from '@/lib/france-services/manage-sites';

export const metadata: Metadata = { title: 'Sites France Services' };

/** FS-1: the France Services sites, each with its active advisors; a supervisor adds one. */
export default async function SitesPage() {
  const actor = await requireAudience('staff');
  const sites = await listSitesWithAdvisors(getDb(), actor, clock.now());
  const mayManage = authorize(actor, 'advisor.manage').allowed;
  return (
    <>
      <PageTitle title="Sites France Services"
        lead="Chaque conseiller France Services est rattaché à un espace. La page d’un espace montre son activité : visites accompagnées, personnes aidées et démarches faites, en chiffres seulement." />
      {mayManage
        ? <p className="mb-6"><ButtonLink href="/admin/sites-france-services/nouveau">Ajouter un espace France Services</ButtonLink></p>
        : <p className="mb-6">Seul un superviseur ajoute ou modifie un espace France Services.</p>}
      <Table<SiteSummary> caption="Espaces France Services" rows={sites} rowKey={(s) => s.id} empty="Aucun espace France Services." columns={[
        { key: 'name', header: 'Espace', rowHeader: true, cell: (s) => <Link href={`/admin/sites-france-services/${s.id}`}>{s.name}</Link> },
        { key: 'commune', header: 'Commune', cell: (s) => s.commune },
        { key: 'departement', header: 'Département', cell: (s) => s.departement },
        { key: 'advisors', header: 'Conseillers actifs', align: 'right', cell: (s) => s.activeAdvisors },
      ]} />
      <p className="mt-6"><Link href="/admin/conseillers">Conseillers France Services</Link></p>
    </>
  );
}
