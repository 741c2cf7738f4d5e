import type { Queue } from 'bullmq';
import type { Db } from '@/db/client';
import { config } from '@/lib/config';
import { closeWindows } from '@/lib/campaigns/close-windows';
import { startDueCampaigns, topUpBirthCampaigns } from '@/lib/campaigns/manage';
import { expireInvitations } from '@/lib/representatives/invitations';
import { expireAidantInvitations } from '@/lib/aidants/expire-aidant-invitations';
import { handOverAtMajority } from '@/lib/representatives/majority';
import { runClosureJobs } from '@/lib/closure/purge';
import { parisDay } from '@/lib/campaigns/window';
import { eraseDeletedFiles } from '@/lib/documents/erase-deleted-files';
import { eraseExpiredExports } from '@/lib/export/build-export';
import { remindDirectivesReviews } from '@/lib/medical-profile/directives-review';
import { remindDueReminders } from '@/lib/agenda/remind-due-reminders';
import { refreshPreventionItems } from '@/lib/prevention/refresh-items';
import { startDuePreventionCampaigns } from '@/lib/prevention-campaigns/manage';

export const SCHEDULES_QUEUE = 'schedules';
export type ScheduledJob = 'close-windows' | 'start-due-campaigns' | 'birth-campaigns' | 'majority' | 'expire-invitations' | 'closure' | 'erase-deleted-files'
  | 'directives-review' | 'agenda-reminders' | 'prevention-items' | 'aidants';

/** Daily jobs (Europe/Paris). Each is idempotent and catches up on whatever is due. */
export async function processScheduled(db: Db, name: ScheduledJob, now = new Date()): Promise<unknown> {
  switch (name) {
    case 'close-windows':
      return closeWindows(db, now);
    case 'start-due-campaigns': {
      const started = await startDueCampaigns(db, now);
      await startDuePreventionCampaigns(db, now); // PRV-6: scheduled prevention campaigns, same minute tick
      return started;
    }
    case 'birth-campaigns':
      return topUpBirthCampaigns(db, now);
    case 'majority':
      return handOverAtMajority(db, now);
    case 'expire-invitations':
      return expireInvitations(db, now);
    case 'closure':
      return runClosureJobs(db, now);
    case 'erase-deleted-files':
      return { documents: await eraseDeletedFiles(db, now), exports: await eraseExpiredExports(db, now) };
    case 'directives-review':
      return remindDirectivesReviews(db, now);
    case 'agenda-reminders':
      return remindDueReminders(db, now);
    case 'prevention-items':
      return refreshPreventionItems(db, now);
    case 'aidants':
      return expireAidantInvitations(db, now); // AID-3, AID-6
  }
}

/**
 * The instant a scheduled run acts at: now, or — only when the worker runs with WORKER_MOVABLE_CLOCK=1
 * (browser tests) — the `at` its job carries, so a test sees the 08:00 reminders without waiting.
 */
export function scheduledNow(data: unknown, movable = config().WORKER_MOVABLE_CLOCK === '1'): Date {
  const at = movable && typeof data === 'object' && data !== null ? (data as { at?: unknown }).at : undefined;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(at) : new Date();
}

/**
 * Registers the daily runs, and one run at start so a day missed while the worker was down is done
 * now (a job id per day: several workers starting the same day add it once).
 */
export async function registerSchedules(queue: Queue, now = new Date()): Promise<void> {
  await queue.upsertJobScheduler('close-windows', { pattern: '5 0 * * *', tz: 'Europe/Paris' }, { name: 'close-windows' });
  await queue.upsertJobScheduler('start-due-campaigns', { pattern: '* * * * *', tz: 'Europe/Paris' }, { name: 'start-due-campaigns' });
  await queue.upsertJobScheduler('birth-campaigns', { pattern: '0 1 * * *', tz: 'Europe/Paris' }, { name: 'birth-campaigns' });
  await queue.upsertJobScheduler('majority', { pattern: '0 0 * * *', tz: 'Europe/Paris' }, { name: 'majority' });
  await queue.upsertJobScheduler('expire-invitations', { pattern: '10 0 * * *', tz: 'Europe/Paris' }, { name: 'expire-invitations' });
  await queue.upsertJobScheduler('aidants', { pattern: '15 0 * * *', tz: 'Europe/Paris' }, { name: 'aidants' });
  await queue.add('close-windows', {}, { jobId: `close-windows-start-${parisDay(now)}` });
  await queue.upsertJobScheduler('closure', { pattern: '30 0 * * *', tz: 'Europe/Paris' }, { name: 'closure' });
  await queue.upsertJobScheduler('erase-deleted-files', { pattern: '0 2 * * *', tz: 'Europe/Paris' }, { name: 'erase-deleted-files' });
  // PRF-4: a daytime reminder; the run at start catches up a day missed while the worker was down.
  await queue.upsertJobScheduler('directives-review', { pattern: '0 9 * * *', tz: 'Europe/Paris' }, { name: 'directives-review' });
  await queue.add('directives-review', {}, { jobId: `directives-review-start-${parisDay(now)}` });
  // AGD-5: reminders at 08:00 Paris; the run at start sends those missed while the worker was down (never twice).
  await queue.upsertJobScheduler('agenda-reminders', { pattern: '0 8 * * *', tz: 'Europe/Paris' }, { name: 'agenda-reminders' });
  await queue.add('agenda-reminders', {}, { jobId: `agenda-reminders-start-${now.getTime()}` });
  // AGD-6: prevention items refreshed at 03:00 Paris (idempotent); the run at start catches up a missed day.
  await queue.upsertJobScheduler('prevention-items', { pattern: '0 3 * * *', tz: 'Europe/Paris' }, { name: 'prevention-items' });
  await queue.add('prevention-items', {}, { jobId: `prevention-items-start-${parisDay(now)}` });
  await queue.add('majority', {}, { jobId: `majority-start-${parisDay(now)}` });
  await queue.add('erase-deleted-files', {}, { jobId: `erase-deleted-files-start-${parisDay(now)}` });
  await queue.add('closure', {}, { jobId: `closure-start-${parisDay(now)}` });
  await queue.add('start-due-campaigns', {}, { jobId: `start-due-campaigns-start-${now.getTime()}` });
}
