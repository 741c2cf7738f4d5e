import type { Metadata } from 'next';
import { AutoRefresh } from '@/components/backoffice/AutoRefresh';
import { CampaignCommandButton } from '@/components/backoffice/CampaignCommandButton';
import { campaignStatus, count, dateTime, percent, rate } from '@/components/backoffice/campaign-format';
import { Alert, Badge, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { findPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import { describeRules } from '@/lib/prevention-campaigns/rules';
import { preventionCommandAction } from './actions';

export const metadata: Metadata = { title: 'Campagne de prévention' };

const DONE: Record<string, string> = {
  creee: 'La campagne est créée. Rien n’est envoyé avant son lancement.',
  start: 'La campagne est lancée : les messages partent par lots de 10 000.',
  pause: 'La campagne est en pause : le lot en cours s’achève, aucun autre ne part.',
  resume: 'La campagne reprend là où elle s’était arrêtée.',
  cancel: 'La campagne est annulée.',
};

/** PRV-6..9: one prevention campaign, its message, its rules, its commands and its progress. */
export default async function PreventionCampaignPage({ params, searchParams }: {
  params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }>;
}) {
  const actor = await requireAudience('staff');
  const [{ id }, { fait }] = await Promise.all([params, searchParams]);
  const c = await findPreventionCampaign(getDb(), actor, id, clock.now());
  const status = campaignStatus(c.status);
  const targeted = c.targeted ?? 0;
  return (
    <>
      {c.status === 'RUNNING' && <AutoRefresh seconds={3} />}
      <PageTitle title={c.name} lead={<>État : <Badge variant={status.variant}>{status.label}</Badge></>} />
      {fait && DONE[fait] && <Alert variant="success" className="mb-6">{DONE[fait]}</Alert>}
      <div className="mb-8 flex flex-wrap gap-4">
        {(c.status === 'DRAFT' || c.status === 'SCHEDULED') && (
          <CampaignCommandButton campaignId={c.id} command="start" label="Lancer maintenant" action={preventionCommandAction}
            hint="Le nombre de profils visés est arrêté au lancement ; les envois se font ensuite par lots." />
        )}
        {c.status === 'RUNNING' && <CampaignCommandButton campaignId={c.id} command="pause" label="Mettre en pause" variant="secondary" action={preventionCommandAction} />}
        {c.status === 'PAUSED' && <CampaignCommandButton campaignId={c.id} command="resume" label="Reprendre" action={preventionCommandAction} />}
      </div>
      <section aria-labelledby="avancement-titre" className="mb-10">
        <h2 id="avancement-titre" className="mb-4 text-2xl font-bold">Avancement</h2>
        {c.targeted === null ? <p>La campagne n’est pas encore lancée.</p> : (
          <div className="max-w-3xl">
            <label htmlFor="avancement" className="block font-semibold">Messages remis</label>
            <progress id="avancement" max={Math.max(targeted, 1)} value={Math.min(c.delivered, targeted)} aria-describedby="avancement-texte"
              className="mt-2 block h-4 w-full overflow-hidden rounded border border-border-strong bg-primary-50 [&::-moz-progress-bar]:bg-primary-700 [&::-webkit-progress-bar]:bg-primary-50 [&::-webkit-progress-value]:bg-primary-700" />
            <p id="avancement-texte" className="mt-2">
              {percent.format(rate(c.delivered, targeted))} : {count.format(c.delivered)} messages remis sur {count.format(targeted)} profils visés au lancement,
              {' '}{count.format(c.emails)} courriels d’accroche mis en file.
            </p>
            {c.status === 'DONE' && c.delivered < targeted && (
              <p className="mt-2 text-sm text-muted">Écart : des profils ont refusé les messages de prévention, ont reçu un autre message ou ont changé d’état pendant l’envoi.</p>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="message-titre" className="mb-10 max-w-3xl">
        <h2 id="message-titre" className="mb-4 text-2xl font-bold">Message</h2>
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">Titre</dt><dd>{c.title}</dd>
          <dt className="font-semibold">Texte</dt><dd className="whitespace-pre-line">{c.body}</dd>
          <dt className="font-semibold">Accroche du courriel</dt><dd>{c.teaser}</dd>
          <dt className="font-semibold">Ciblage</dt><dd>{describeRules(c.rules)}</dd>
          <dt className="font-semibold">Créée le</dt><dd>{dateTime.format(c.created_at)}</dd>
          {c.started_at && <><dt className="font-semibold">Lancée le</dt><dd>{dateTime.format(c.started_at)}</dd></>}
          {c.finished_at && <><dt className="font-semibold">Terminée le</dt><dd>{dateTime.format(c.finished_at)}</dd></>}
        </dl>
      </section>
    </>
  );
}
