import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, Badge, PageTitle } from '@/components/ui';
import { AutoRefresh } from '@/components/backoffice/AutoRefresh';
import { CampaignActions } from '@/components/backoffice/CampaignActions';
import { CampaignFailures } from '@/components/backoffice/CampaignFailures';
import { CampaignProgress } from '@/components/backoffice/CampaignProgress';
import { CampaignStatistics } from '@/components/backoffice/CampaignStatistics';
import { LetterBatches } from '@/components/backoffice/LetterBatches';
import { campaignStatus, dateTime, describeTargets, frenchDate } from '@/components/backoffice/campaign-format';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { campaignProgress } from '@/lib/campaigns/progress';
import { campaignStatistics } from '@/lib/campaigns/statistics';
import { parisDay } from '@/lib/campaigns/window';
import { NotFoundError } from '@/lib/errors';
import { campaignCommandAction, cancelCampaignAction, postLetterBatchAction, scheduleCampaignAction } from './actions';
import { DONE_MESSAGES, isDoneKey } from './done-messages';

export const metadata: Metadata = { title: 'Campagne de création' };

/** BO-1: one campaign — progress while it runs, commands its status allows, letters, failures, rates. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const { fait } = await searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const now = clock.now();
  const c = await campaignProgress(getDb(), actor, id, now).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  const stats = await campaignStatistics(getDb(), actor, { campaignId: id }, now);
  const live = c.status === 'RUNNING' || c.status === 'SCHEDULED';
  const status = campaignStatus(c.status);
  const dates: [string, Date | null][] = [
    ['Créée le', c.created_at], ['Programmée pour le', c.status === 'SCHEDULED' ? c.scheduled_at : null],
    ['Lancée le', c.started_at], ['Terminée le', c.finished_at],
  ];
  return (
    <>
      <PageTitle title={c.name} lead={describeTargets(c)} />
      {isDoneKey(fait) && <Alert variant="success" title={DONE_MESSAGES[fait]} />}
      <p className="mb-4" role="status">
        État : <Badge variant={status.variant}>{status.label}</Badge>
        {live && ' — cette page se met à jour toute seule.'}
      </p>
      {live && <AutoRefresh seconds={3} />}
      <dl className="mb-8 grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {dates.filter(([, d]) => d).map(([label, d]) => (
          <div key={label} className="contents"><dt className="font-semibold">{label}</dt><dd>{dateTime.format(d!)}</dd></div>
        ))}
      </dl>
      <CampaignProgress counts={c.counts} />
      <CampaignActions campaign={{ id: c.id, status: c.status, failed: c.counts.failed }}
        actions={{ command: campaignCommandAction, schedule: scheduleCampaignAction, cancel: cancelCampaignAction }} />
      <LetterBatches campaignId={c.id} batches={c.letterBatches} today={frenchDate(parisDay(now))} postAction={postLetterBatchAction} />
      <CampaignFailures failures={c.failures} total={c.counts.failed} />
      <section aria-labelledby="statistiques-titre" className="mb-10">
        <h2 id="statistiques-titre" className="mb-4 text-2xl font-bold">Statistiques</h2>
        <CampaignStatistics stats={stats} chartTitle={`Taux d’opposition, de création et d’activation — ${c.name}`} />
      </section>
    </>
  );
}
