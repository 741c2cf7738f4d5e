import { ensureStaff } from '@/lib/access/staff-guard';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';
import { canApply, type CampaignCommand } from './campaign-rules';
import { countEligible, selectRecipients, type Target } from './selection';
import { DEPARTEMENTS } from '@/lib/population/departements';

export type CampaignInput = { name: string; departements: string[]; birthsSince: string | null };


function checkTarget(input: CampaignInput): Target {
  const unknown = input.departements.find((d) => !DEPARTEMENTS.has(d));
  if (unknown) throw new ValidationError('campaign.departement', `Le département « ${unknown} » n’existe pas.`, 'departements');
  if (input.departements.length === 0 && !input.birthsSince) {
    throw new ValidationError('campaign.empty-target', 'Choisissez au moins un département ou le flux des naissances.', 'departements');
  }
  return { departements: [...new Set(input.departements)].sort(), birthsSince: input.birthsSince };
}

/** BO-1: the count a campaign would reach, before creating it (CMP-1, CMP-2). */
export async function previewCampaign(db: Db, actor: Actor, input: CampaignInput, now: Date) {
  await ensureStaff(db, actor, 'campaign.read', 'campaign.read', now);
  return countEligible(db, checkTarget(input), now);
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, now: Date): Promise<{ campaignId: string }> {
  const staff = await ensureStaff(db, actor, 'campaign.manage', 'campaign.manage', now);
  const name = input.name.trim();
  if (name.length < 3) throw new ValidationError('campaign.name', 'Donnez un nom d’au moins 3 caractères à la campagne.', 'name');
  const target = checkTarget(input);
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('campaigns')
      .values({ name: name.slice(0, 120), departements: target.departements, births_since: target.birthsSince, created_by: staff.staffId,
        scheduled_at: null, started_at: null, finished_at: null })
      .returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'campaign.create', profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'campaign', id: row.id } });
    return { campaignId: row.id };
  });
}

/**
 * Starts a campaign: recipients are selected in SQL (CMP-1, CMP-2) and the dispatch goes to the outbox,
 * in one transaction. Used by staff ("Lancer maintenant") and by the scheduler (actor SYSTEM).
 */
async function start(trx: Db, campaignId: string, now: Date): Promise<number> {
  const c = await trx.selectFrom('campaigns').selectAll().where('id', '=', campaignId).forUpdate().executeTakeFirst();
  if (!c) throw new NotFoundError('Campagne');
  const check = canApply('start', c.status);
  if (!check.ok) throw new ValidationError('campaign.state', check.message);
  const selected = await selectRecipients(trx, campaignId, { departements: c.departements, birthsSince: c.births_since }, now);
  await trx.updateTable('campaigns').set({ status: 'RUNNING', started_at: now, selected }).where('id', '=', campaignId).execute();
  await enqueue(trx, { kind: 'campaign-dispatch', campaignId });
  return selected;
}

export async function applyCampaignCommand(
  db: Db, actor: Actor, campaignId: string, command: CampaignCommand, now: Date, opts: { scheduledAt?: Date } = {},
): Promise<void> {
  await ensureStaff(db, actor, 'campaign.manage', 'campaign.manage', now);
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('campaigns').select(['status']).where('id', '=', campaignId).forUpdate().executeTakeFirst();
    if (!c) throw new NotFoundError('Campagne');
    const check = canApply(command, c.status);
    if (!check.ok) throw new ValidationError('campaign.state', check.message);
    switch (command) {
      case 'start':
        await start(trx, campaignId, now);
        break;
      case 'schedule':
        if (!opts.scheduledAt || opts.scheduledAt.getTime() <= now.getTime()) {
          throw new ValidationError('campaign.schedule-past', 'Choisissez une date et une heure à venir.', 'scheduledAt');
        }
        await trx.updateTable('campaigns').set({ status: 'SCHEDULED', scheduled_at: opts.scheduledAt }).where('id', '=', campaignId).execute();
        break;
      case 'pause':
        await trx.updateTable('campaigns').set({ status: 'PAUSED' }).where('id', '=', campaignId).execute();
        break;
      case 'resume':
        await trx.updateTable('campaigns').set((eb) => ({ status: 'RUNNING', generation: eb('generation', '+', 1) })).where('id', '=', campaignId).execute();
        await enqueue(trx, { kind: 'campaign-dispatch', campaignId });
        break;
      case 'cancel':
        // Nobody not yet engaged is written to; a person engaged (profile made, letter pending) is finished.
        await trx.updateTable('campaign_recipients').set({ status: 'CANCELLED' })
          .where('campaign_id', '=', campaignId).where('status', 'in', ['QUEUED', 'LETTER_QUEUED']).where('profile_id', 'is', null).execute();
        await trx.updateTable('campaigns').set({ status: 'CANCELLED', finished_at: now }).where('id', '=', campaignId).execute();
        await enqueue(trx, { kind: 'campaign-dispatch', campaignId });
        break;
      case 'retry': {
        // CMP-9: failed sends go back to the queue; nothing already sent is sent again.
        const retried = await trx.updateTable('campaign_recipients').set({ status: 'QUEUED', attempts: 0, last_error: null })
          .where('campaign_id', '=', campaignId).where('status', '=', 'FAILED').executeTakeFirst();
        if (Number(retried.numUpdatedRows) === 0) throw new ValidationError('campaign.nothing-to-retry', 'Aucun envoi en échec à relancer.');
        await trx.updateTable('campaigns').set({ status: 'RUNNING', finished_at: null }).where('id', '=', campaignId).where('status', '=', 'DONE').execute();
        await enqueue(trx, { kind: 'campaign-dispatch', campaignId });
        break;
      }
    }
    await recordAccess(trx, { actor, action: `campaign.${command}`, profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'campaign', id: campaignId } });
  });
}

/** SCHEDULED campaigns whose time has come start (a minute-by-minute job; catches up after downtime). */
export async function startDueCampaigns(db: Db, now: Date): Promise<number> {
  const due = await db.selectFrom('campaigns').select('id').where('status', '=', 'SCHEDULED').where('scheduled_at', '<=', now).execute();
  for (const c of due) {
    await db.transaction().execute(async (trx) => {
      await start(trx, c.id, now).catch((e) => { if (!(e instanceof ValidationError)) throw e; }); // started meanwhile
      await recordAccess(trx, { actor: { kind: 'SYSTEM', job: 'campaign-scheduler' }, action: 'campaign.start', profileId: null, at: now, channel: 'WORKER', target: { type: 'campaign', id: c.id } });
    });
  }
  return due.length;
}

/** CMP-1: the continuous birth-registration campaigns pick up children registered since the last run. */
export async function topUpBirthCampaigns(db: Db, now: Date): Promise<number> {
  const running = await db.selectFrom('campaigns').select(['id', 'departements', 'births_since'])
    .where('status', '=', 'RUNNING').where('births_since', 'is not', null).execute();
  let added = 0;
  for (const c of running) {
    await db.transaction().execute(async (trx) => {
      const n = await selectRecipients(trx, c.id, { departements: c.departements, birthsSince: c.births_since }, now);
      if (n > 0) {
        await trx.updateTable('campaigns').set((eb) => ({ selected: eb('selected', '+', n) })).where('id', '=', c.id).execute();
        await enqueue(trx, { kind: 'campaign-dispatch', campaignId: c.id });
      }
      added += n;
    });
  }
  return added;
}
