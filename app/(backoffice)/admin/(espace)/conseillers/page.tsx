import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, ButtonLink, PageTitle, Pagination, Select, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { isUuid } from '@/lib/france-services/advisor-rules';
import { listAdvisors, listSites, type AdvisorSummary } from '@/lib/france-services/list-advisors';
import { AdvisorStateBadge } from './state-badge';

export const metadata: Metadata = { title: 'Conseillers France Services' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** FS-1: the advisors' personal accounts, each tied to one France Services site; filter by site, page by name. */
export default async function AdvisorsPage({ searchParams }: { searchParams: Promise<{ site?: string; apres?: string }> }) {
  const actor = await requireAudience('staff');
  const { site, apres } = await searchParams;
  const db = getDb();
  const siteId = site && isUuid(site) ? site : undefined;
  const [page, sites] = await Promise.all([listAdvisors(db, actor, { siteId, after: apres }, clock.now()), listSites(db)]);
  const mayCreate = authorize(actor, 'advisor.manage').allowed;
  const filter = siteId ? `site=${siteId}&` : '';
  return (
    <>
      <PageTitle title="Conseillers France Services"
        lead="Chaque conseiller a son compte personnel, rattaché à un espace France Services, avec mot de passe et code reçu par courriel. Les conseillers n’ont pas de recherche de personnes : ils agissent seulement avec la personne présente." />
      {mayCreate
        ? <p className="mb-6"><ButtonLink href="/admin/conseillers/nouveau">Créer un compte conseiller</ButtonLink></p>
        : <p className="mb-6">Seul un superviseur crée, désactive ou réactive un compte ; vous pouvez envoyer un nouveau lien de mot de passe à un conseiller.</p>}
      <p className="mb-6"><Link href="/admin/sites-france-services">Sites France Services et leur activité</Link></p>

      <form method="get" className="mb-6 flex max-w-2xl flex-wrap items-end gap-4" aria-label="Filtrer les conseillers">
        <Select label="Espace France Services" name="site" defaultValue={siteId ?? ''} placeholder="Tous les espaces"
          options={sites.map((s) => ({ value: s.id, label: `${s.name} (${s.departement})` }))} />
        <div className="mb-6"><Button type="submit" variant="secondary">Filtrer</Button></div>
      </form>

      <Table<AdvisorSummary> caption={siteId ? `Conseillers de ${sites.find((s) => s.id === siteId)?.name ?? 'cet espace'}` : 'Tous les conseillers'}
        rows={page.items} rowKey={(a) => a.id} empty="Aucun conseiller." columns={[
          { key: 'name', header: 'Conseiller', rowHeader: true, cell: (a) => <Link href={`/admin/conseillers/${a.id}`}>{a.name}</Link> },
          { key: 'email', header: 'Adresse électronique', cell: (a) => <span className="break-all">{a.email}</span> },
          { key: 'site', header: 'Espace France Services', cell: (a) => a.siteName },
          { key: 'state', header: 'État', cell: (a) => <AdvisorStateBadge state={a.state} /> },
          { key: 'login', header: 'Dernière connexion', cell: (a) => (a.lastLoginAt ? when.format(a.lastLoginAt) : 'Jamais') },
        ]} />
      <Pagination label="Pagination des conseillers" prevHref={apres ? `/admin/conseillers${siteId ? `?site=${siteId}` : ''}` : undefined}
        prevLabel="Début de la liste" nextLabel="Conseillers suivants"
        nextHref={page.nextCursor ? `/admin/conseillers?${filter}apres=${page.nextCursor}` : undefined} />
    </>
  );
}
