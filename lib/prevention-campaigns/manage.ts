import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { PreventionCampaignStatus } from '@/db/schema';
import { rulesSchema, type CampaignRules } from './rules';
import { countTargets } from './targeting';

export type PreventionCampaignInput = { name: string; title: string; body: string; teaser: string; rules: CampaignRules };
export type PreventionCommand = 'start' | 'pause' | 'resume' | 'cancel' | 'schedule' | 'unschedule';

/** Which command applies in which state (pure). A scheduled campaign may be scheduled again (new time) or unscheduled (back to draft). */
const FROM: Record<PreventionCommand, readonly PreventionCampaignStatus[]> = {
  start: ['DRAFT', 'SCHEDULED'],
  schedule: ['DRAFT', 'SCHEDULED'],
  unschedule: ['SCHEDULED'],
  pause: ['RUNNING'],
  resume: ['PAUSED'],
  cancel: ['DRAFT', 'SCHEDULED', 'PAUSED'],
};
const REFUSED: Record<PreventionCommand, string> = {
  start: 'Seule une campagne en brouillon ou programmée peut être lancée.',
  schedule: 'Seule une campagne en brouillon ou déjà programmée peut être programmée.',
  unschedule: 'Seule une campagne programmée peut être déprogrammée.',
  pause: 'Seule une campagne en cours peut être mise en pause.',
  resume: 'Seule une campagne en pause peut reprendre.',
  cancel: 'Une campagne en cours doit d’abord être mise en pause ; une campagne terminée ne s’annule pas.',
};
export const canApplyPrevention = (command: PreventionCommand, status: PreventionCampaignStatus) => FROM[command].includes(status);

function checkInput(input: PreventionCampaignInput): PreventionCampaignInput {
  const name = input.name.trim();
  const title = input.title.trim();
  const body = input.body.trim();
  const teaser = input.teaser.trim();
  if (name.length < 3 || name.length > 120) throw new ValidationError('prevention.name', 'Donnez un nom de 3 à 120 caractères à la campagne.', 'name');
  if (title.length < 1 || title.length > 100) throw new ValidationError('prevention.title', 'Le titre du message doit compter de 1 à 100 caractères.', 'title');
  if (body.length < 1 || body.length > 4000) throw new ValidationError('prevention.body', 'Le texte du message doit compter de 1 à 4 000 caractères.', 'body');
  if (teaser.length < 1 || teaser.length > 200) throw new ValidationError('prevention.teaser', 'L’accroche du courriel doit compter de 1 à 200 caractères.', 'teaser');
  return { name, title, body, teaser, rules: parseRules(input.rules) };
}

/** The rules, or a French refusal tied to the form field (the history's period, for its sub-fields). */
function parseRules(rules: unknown): CampaignRules {
  const parsed = rulesSchema.safeParse(rules);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'rules');
  throw new ValidationError('prevention.rules', issue?.message ?? 'Les règles de ciblage ne sont pas valides.', field === 'history' ? 'historyMonths' : field);
}

/** BO: how many profiles the rules reach now — the delivery's own SQL, as a count (PRV-6, PRV-8, PRV-9). */
export async function previewPreventionCampaign(db: Db, actor: Actor, rules: CampaignRules, now: Date): Promise<number> {
  await ensureStaff(db, actor, 'prevention.manage', 'prevention.campaign.preview', now);
  return countTargets(db, parseRules(rules), now);
}

export async function createPreventionCampaign(db: Db, actor: Actor, input: PreventionCampaignInput, now: Date): Promise<{ campaignId: string }> {
  const staff = await ensureStaff(db, actor, 'prevention.manage', 'prevention.campaign.create', now);
  const c = checkInput(input);
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('prevention_campaigns')
      .values({ name: c.name, title: c.title, body: c.body, teaser: c.teaser, rules: JSON.stringify(c.rules), created_by: staff.staffId,
        scheduled_at: null, started_at: null, finished_at: null, cursor: null, targeted: null })
      .returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'prevention.campaign.create', profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'prevention-campaign', id: row.id } });
    return { campaignId: row.id };
  });
}

/** The job that runs the campaign, through the outbox (relayed to the campaigns queue after commit). */
async function enqueueRun(trx: Db, campaignId: string): Promise<void> {
  await trx.insertInto('outbox').values({ kind: 'campaign-dispatch', payload: JSON.stringify({ campaignId, prevention: true }) }).execute();
}

/** Start, the campaign row locked: the target count is fixed now (the progress bar's whole), then the run goes to the queue. */
async function startLocked(trx: Db, campaignId: string, rules: unknown, now: Date): Promise<void> {
  const targeted = await countTargets(trx, rulesSchema.parse(rules), now);
  await trx.updateTable('prevention_campaigns').set({ status: 'RUNNING', started_at: now, targeted }).where('id', '=', campaignId).execute();
  await enqueueRun(trx, campaignId);
}

/** Start now, schedule (or move), unschedule (back to draft), pause, resume, cancel; each traced. */
export async function applyPreventionCommand(
  db: Db, actor: Actor, campaignId: string, command: PreventionCommand, now: Date, opts: { scheduledAt?: Date } = {},
): Promise<void> {
  if (actor.kind !== 'SYSTEM') await ensureStaff(db, actor, 'prevention.manage', `prevention.campaign.${command}`, now);
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('prevention_campaigns').select(['status', 'rules']).where('id', '=', campaignId).forUpdate().executeTakeFirst();
    if (!c) throw new NotFoundError('Campagne de prévention');
    if (!canApplyPrevention(command, c.status)) throw new ValidationError('prevention.state', REFUSED[command]);
    switch (command) {
      case 'start':
        await startLocked(trx, campaignId, c.rules, now);
        break;
      case 'schedule':
        if (!opts.scheduledAt || opts.scheduledAt <= now) throw new ValidationError('prevention.schedule', 'Choisissez une date et une heure à venir.', 'scheduledAt');
        await trx.updateTable('prevention_campaigns').set({ status: 'SCHEDULED', scheduled_at: opts.scheduledAt }).where('id', '=', campaignId).execute();
        break;
      case 'unschedule':
        await trx.updateTable('prevention_campaigns').set({ status: 'DRAFT', scheduled_at: null }).where('id', '=', campaignId).execute();
        break;
      case 'pause':
        await trx.updateTable('prevention_campaigns').set({ status: 'PAUSED' }).where('id', '=', campaignId).execute();
        break;
      case 'resume':
        await trx.updateTable('prevention_campaigns').set({ status: 'RUNNING' }).where('id', '=', campaignId).execute();
        await enqueueRun(trx, campaignId);
        break;
      case 'cancel':
        await trx.updateTable('prevention_campaigns').set({ status: 'CANCELLED', finished_at: now }).where('id', '=', campaignId).execute();
        break;
    }
    await recordAccess(trx, { actor, action: `prevention.campaign.${command}`, profileId: null, at: now, channel: actor.kind === 'SYSTEM' ? 'WORKER' : 'BACKOFFICE',
      target: { type: 'prevention-campaign', id: campaignId } });
  });
}

/**
 * The scheduler's part (every minute, jobs/schedules.ts): starts the SCHEDULED campaigns that are due,
 * actor SYSTEM. Each is re-read under its lock: one cancelled, unscheduled or moved later in the meantime,
 * or already started by another worker, is left alone. Returns how many this call started.
 */
export async function startDuePreventionCampaigns(db: Db, now: Date): Promise<number> {
  const due = await db.selectFrom('prevention_campaigns').select('id').where('status', '=', 'SCHEDULED').where('scheduled_at', '<=', now).execute();
  let started = 0;
  for (const { id } of due) {
    started += await db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('prevention_campaigns').select('rules').where('id', '=', id)
        .where('status', '=', 'SCHEDULED').where('scheduled_at', '<=', now).forUpdate().skipLocked().executeTakeFirst();
      if (!c) return 0;
      await startLocked(trx, id, c.rules, now);
      await recordAccess(trx, { actor: { kind: 'SYSTEM', job: 'prevention-campaigns' }, action: 'prevention.campaign.start', profileId: null, at: now,
        channel: 'WORKER', target: { type: 'prevention-campaign', id } });
      return 1;
    });
  }
  return started;
}

export async function listPreventionCampaigns(db: Db, actor: Actor, now: Date) {
  await ensureStaff(db, actor, 'prevention.manage', 'prevention.campaign.list', now);
  return db.selectFrom('prevention_campaigns')
    .select(['id', 'name', 'title', 'status', 'rules', 'scheduled_at', 'started_at', 'finished_at', 'targeted', 'delivered', 'emails', 'created_at'])
    .orderBy('created_at', 'desc').limit(200).execute();
}

export async function findPreventionCampaign(db: Db, actor: Actor, campaignId: string, now: Date) {
  await ensureStaff(db, actor, 'prevention.manage', 'prevention.campaign.read', now);
  const c = await db.selectFrom('prevention_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  if (!c) throw new NotFoundError('Campagne de prévention');
  return { ...c, rules: rulesSchema.parse(c.rules) };
}
