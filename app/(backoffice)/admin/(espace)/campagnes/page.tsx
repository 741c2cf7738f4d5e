import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, ButtonLink, PageTitle, Table } from '@/components/ui';
import { campaignStatus, count, dateTime, describeTargets } from '@/components/backoffice/campaign-format';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listCampaigns } from '@/lib/campaigns/progress';

export const metadata: Metadata = { title: 'Campagnes de création' };

/** BO-1: the creation campaigns, newest first. */
export default async function CampaignsPage() {
  const actor = await requireAudience('staff');
  const campaigns = await listCampaigns(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Campagnes de création"
        lead="Chaque campagne envoie l’avis de création, avec son code provisoire, aux assurés sans profil des départements choisis.">
        <ButtonLink href="/admin/campagnes/nouvelle">Nouvelle campagne</ButtonLink>
        <ButtonLink href="/admin/campagnes/statistiques" variant="secondary">Statistiques de toutes les campagnes</ButtonLink>
      </PageTitle>
      <Table caption="Campagnes" rows={campaigns} rowKey={(c) => c.id} empty="Aucune campagne pour le moment."
        columns={[
          { key: 'name', header: 'Nom', rowHeader: true, cell: (c) => <Link href={`/admin/campagnes/${c.id}`}>{c.name}</Link> },
          { key: 'targets', header: 'Cibles', cell: (c) => describeTargets(c) },
          { key: 'status', header: 'État', cell: (c) => <Badge variant={campaignStatus(c.status).variant}>{campaignStatus(c.status).label}</Badge> },
          { key: 'selected', header: 'Destinataires', align: 'right', cell: (c) => (c.status === 'DRAFT' || c.status === 'SCHEDULED' ? '—' : count.format(c.selected)) },
          { key: 'created', header: 'Créée le', cell: (c) => dateTime.format(c.created_at) },
        ]} />
    </>
  );
}
