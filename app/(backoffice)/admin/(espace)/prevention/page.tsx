import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, ButtonLink, PageTitle, Table } from '@/components/ui';
import { campaignStatus, count, dateTime, percent, rate } from '@/components/backoffice/campaign-format';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listPreventionCampaigns } from '@/lib/prevention-campaigns/manage';
import { describeRules, rulesSchema } from '@/lib/prevention-campaigns/rules';

export const metadata: Metadata = { title: 'Campagnes de prévention' };

/** PRV-6..9: the prevention campaigns, newest first, with their status, target count at launch and progress. */
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
          { key: 'status', header: 'État', cell: (c) => (
            <>
              <Badge variant={campaignStatus(c.status).variant}>{campaignStatus(c.status).label}</Badge>
              {c.status === 'SCHEDULED' && c.scheduled_at && <span className="block text-sm">le {dateTime.format(c.scheduled_at)}</span>}
            </>
          ) },
          { key: 'targeted', header: 'Profils visés', align: 'right', cell: (c) => (c.targeted === null ? 'au lancement' : count.format(c.targeted)) },
          { key: 'progress', header: 'Avancement', cell: (c) => (c.targeted === null ? '—' : (
            <span className="flex items-center gap-2">
              <progress max={Math.max(c.targeted, 1)} value={Math.min(c.delivered, c.targeted)} aria-label={`Avancement de « ${c.name} »`}
                className="h-3 w-24 overflow-hidden rounded border border-border-strong bg-primary-50 [&::-moz-progress-bar]:bg-primary-700 [&::-webkit-progress-bar]:bg-primary-50 [&::-webkit-progress-value]:bg-primary-700" />
              <span>{percent.format(rate(Math.min(c.delivered, c.targeted), c.targeted))} ({count.format(c.delivered)} atteints)</span>
            </span>
          )) },
          { key: 'created', header: 'Créée le', cell: (c) => dateTime.format(c.created_at) },
        ]} />
    </>
  );
}
