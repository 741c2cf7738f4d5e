import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, ButtonLink, PageTitle, Table } from '@/components/ui';
import { campaignStatus, count, dateTime } from '@/components/backoffice/campaign-format';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listPreventionCampaigns } from '@/lib/prevention-campaigns/manage';
import { describeRules, rulesSchema } from '@/lib/prevention-campaigns/rules';

export const metadata: Metadata = { title: 'Campagnes de prévention' };

/** PRV-6..9: the prevention campaigns, newest first. */
export default async function PreventionCampaignsPage() {
  const actor = await requireAudience('staff');
  const campaigns = await listPreventionCampaigns(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Campagnes de prévention"
        lead="Messages de prévention personnalisés (décret 2024-468) : page d’accueil, rubrique « Prévention » et courriel d’accroche, au plus un message par profil tous les 7 jours.">
        <ButtonLink href="/admin/prevention/nouvelle">Nouvelle campagne de prévention</ButtonLink>
      </PageTitle>
      <Table caption="Campagnes de prévention" rows={campaigns} rowKey={(c) => c.id} empty="Aucune campagne de prévention pour le moment."
        columns={[
          { key: 'name', header: 'Nom', rowHeader: true, cell: (c) => <Link href={`/admin/prevention/${c.id}`}>{c.name}</Link> },
          { key: 'rules', header: 'Ciblage', cell: (c) => describeRules(rulesSchema.parse(c.rules)) },
          { key: 'status', header: 'État', cell: (c) => <Badge variant={campaignStatus(c.status).variant}>{campaignStatus(c.status).label}</Badge> },
          { key: 'delivered', header: 'Messages remis', align: 'right', cell: (c) => (c.targeted === null ? '—' : `${count.format(c.delivered)} sur ${count.format(c.targeted)}`) },
          { key: 'created', header: 'Créée le', cell: (c) => dateTime.format(c.created_at) },
        ]} />
    </>
  );
}
