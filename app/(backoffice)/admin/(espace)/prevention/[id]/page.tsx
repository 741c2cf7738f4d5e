import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/backoffice/AutoRefresh';
import { PreventionCampaignActions } from '@/components/backoffice/PreventionCampaignActions';
import { PreventionProgress } from '@/components/backoffice/PreventionProgress';
import { PreventionStatistics } from '@/components/backoffice/PreventionStatistics';
import { campaignStatus, dateTime } from '@/components/backoffice/campaign-format';
import { Alert, Badge, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { findPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import { describeRules } from '@/lib/prevention-campaigns/rules';
import { preventionCampaignStatistics } from '@/lib/prevention-campaigns/statistics';
import { cancelPreventionAction, preventionCommandAction, schedulePreventionAction } from './actions';

export const metadata: Metadata = { title: 'Campagne de prévention' };

const DONE: Record<string, string> = {
  creee: 'La campagne est créée. Rien n’est envoyé avant son lancement.',
  start: 'La campagne est lancée : les messages partent par lots de 10 000.',
  schedule: 'La campagne est programmée ; elle démarrera seule à l’heure choisie.',
  unschedule: 'La campagne est déprogrammée : elle est de nouveau en brouillon.',
  pause: 'La campagne est en pause : le lot en cours s’achève, aucun autre ne part.',
  resume: 'La campagne reprend là où elle s’était arrêtée.',
  cancel: 'La campagne est annulée.',
};

/** PRV-6..9: one prevention campaign — its commands, its progress (live while it runs), its delivery statistics, its message. */
export default async function PreventionCampaignPage({ params, searchParams }: {
  params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }>;
}) {
  const actor = await requireAudience('staff');
  const [{ id }, { fait }] = await Promise.all([params, searchParams]);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const now = clock.now();
  const db = getDb();
  const [c, stats] = await Promise.all([findPreventionCampaign(db, actor, id, now), preventionCampaignStatistics(db, actor, id, now)])
    .catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  const status = campaignStatus(c.status);
  const live = c.status === 'RUNNING' || c.status === 'SCHEDULED';
  return (
    <>
      <PageTitle title={c.name} lead={describeRules(c.rules)} />
      {fait && Object.hasOwn(DONE, fait) && <Alert variant="success" className="mb-6">{DONE[fait]}</Alert>}
      <p className="mb-6" role="status">
        État : <Badge variant={status.variant}>{status.label}</Badge>
        {live && ' — cette page se met à jour toute seule.'}
      </p>
      {live && <AutoRefresh seconds={3} />}
      <PreventionCampaignActions campaign={{ id: c.id, status: c.status, scheduledAt: c.scheduled_at }}
        actions={{ command: preventionCommandAction, schedule: schedulePreventionAction, cancel: cancelPreventionAction }} />
      <PreventionProgress status={c.status} targeted={c.targeted} delivered={c.delivered} />
      <section aria-labelledby="statistiques-titre" className="mb-10">
        <h2 id="statistiques-titre" className="mb-4 text-2xl font-bold">Statistiques de diffusion</h2>
        <PreventionStatistics stats={stats} chartTitle={`Diffusion par jour — ${c.name}`} />
      </section>
      <section aria-labelledby="message-titre" className="mb-10 max-w-3xl">
        <h2 id="message-titre" className="mb-4 text-2xl font-bold">Message</h2>
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">Titre</dt><dd>{c.title}</dd>
          <dt className="font-semibold">Texte</dt><dd className="whitespace-pre-line">{c.body}</dd>
          <dt className="font-semibold">Accroche du courriel</dt><dd>{c.teaser}</dd>
          <dt className="font-semibold">Ciblage</dt><dd>{describeRules(c.rules)}</dd>
          <dt className="font-semibold">Créée le</dt><dd>{dateTime.format(c.created_at)}</dd>
          {c.status === 'SCHEDULED' && c.scheduled_at && <><dt className="font-semibold">Programmée pour le</dt><dd>{dateTime.format(c.scheduled_at)}</dd></>}
          {c.started_at && <><dt className="font-semibold">Lancée le</dt><dd>{dateTime.format(c.started_at)}</dd></>}
          {c.finished_at && <><dt className="font-semibold">{c.status === 'CANCELLED' ? 'Annulée le' : 'Terminée le'}</dt><dd>{dateTime.format(c.finished_at)}</dd></>}
        </dl>
      </section>
    </>
  );
}
