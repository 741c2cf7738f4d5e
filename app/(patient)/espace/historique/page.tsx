import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge, PageTitle, Pagination, Table, Tabs } from '@/components/ui';
import { getDb } from '@/db/client';
import type { AccessEvent } from '@/db/schema';
import { HISTORY_TABS, describeTrace, listHistory, type HistoryTab } from '@/lib/audit/history';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Historique d’activité' };

type Search = { profil?: string; onglet?: string; avant?: string; apres?: string };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

function who(e: AccessEvent, accountId: string): string {
  if (e.actor_type === 'PATIENT' && e.actor_id === accountId) return 'Vous';
  if (e.actor_type === 'HEALTHCARE_PROFESSIONAL') return `${e.actor_label} (${e.profession ?? 'professionnel de santé'})`;
  if (e.actor_type === 'SUPPORT') return e.actor_role === 'ADVISOR' ? `${e.actor_label}, conseiller France Services` : `${e.actor_label}, Assurance Maladie`;
  if (e.actor_type === 'ENROLMENT') return 'Vous (activation en ligne)';
  return e.actor_label;
}

/** AUD-4: "Historique d’activité", in tabs, newest first, with keyset pagination. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const params = await searchParams;
  const tab = (params.onglet && params.onglet in HISTORY_TABS ? params.onglet : 'mes-actions') as HistoryTab;
  const profileId = params.profil ?? actor.ownProfileId;
  if (!profileId) notFound();
  const page = await listHistory(getDb(), actor, { profileId, tab, before: params.avant, after: params.apres }, clock.now())
    .catch((e) => { if (e instanceof AccessDeniedError || e instanceof NotFoundError) notFound(); throw e; });
  const own = profileId === actor.ownProfileId;
  const link = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...(own ? {} : { profil: profileId }), onglet: tab, ...extra });
    return `/espace/historique?${q}`;
  };
  return (
    <>
      <PageTitle title={own ? 'Historique d’activité' : `Historique d’activité de ${page.profile.name}`}
        lead="Chaque consultation ou action sur le profil est enregistrée ici, avec son auteur et sa date." />
      <Tabs label="Catégories de l’historique" items={Object.entries(HISTORY_TABS).map(([key, t]) => ({
        href: `/espace/historique?${new URLSearchParams({ ...(own ? {} : { profil: profileId }), onglet: key })}`, label: t.label, current: key === tab,
      }))} />
      <Table<AccessEvent> caption={HISTORY_TABS[tab].label} rows={page.rows} rowKey={(r) => r.id}
        empty="Aucune activité dans cette catégorie pour le moment."
        columns={[
          { key: 'date', header: 'Date', cell: (r) => when.format(r.at), rowHeader: true },
          { key: 'action', header: 'Action', cell: (r) => (
            <>{describeTrace(r)} {r.outcome === 'DENIED' && <Badge variant="error">Refusé</Badge>}</>
          ) },
          { key: 'who', header: 'Par', cell: (r) => who(r, actor.accountId) },
        ]} />
      <Pagination label="Pages de l’historique"
        prevHref={page.newerCursor ? link({ apres: page.newerCursor }) : undefined}
        nextHref={page.olderCursor ? link({ avant: page.olderCursor }) : undefined} />
    </>
  );
}
