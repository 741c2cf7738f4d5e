import { rm } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { addDays, OPPOSITION_WINDOW_DAYS, parisDay } from './window';

/**
 * CMP-3, CMP-4: an agent declares a letter batch handed to La Poste on a given day; each letter's
 * window runs from that day. The PDF, the only place the codes were in clear, is then deleted.
 */
export async function postLetterBatch(db: Db, actor: Actor, batchId: string, postedOn: string, now: Date): Promise<void> {
  const decision = authorize(actor, 'campaign.manage');
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'campaign.letters.post', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(postedOn) || postedOn > parisDay(now)) {
    throw new ValidationError('letters.posted-on', 'La date de dépôt doit être aujourd’hui ou un jour passé.', 'postedOn');
  }
  const file = await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('letter_batches').selectAll().where('id', '=', batchId).forUpdate().executeTakeFirst();
    if (!batch) throw new NotFoundError('Lot de courriers');
    if (batch.status === 'POSTED') throw new ValidationError('letters.already-posted', 'Ce lot a déjà été déclaré déposé.');
    if (postedOn < parisDay(batch.created_at)) {
      throw new ValidationError('letters.posted-before-print', 'Un lot ne peut pas être déposé avant d’avoir été imprimé.', 'postedOn');
    }
    const postedAt = new Date(`${postedOn}T12:00:00Z`);
    await trx.updateTable('letter_batches').set({ status: 'POSTED', posted_on: postedOn, posted_by: actor.staffId, stored_path: null })
      .where('id', '=', batchId).execute();
    await trx.updateTable('campaign_recipients').set({ status: 'LETTER_POSTED', sent_at: postedAt })
      .where('letter_batch_id', '=', batchId).where('status', '=', 'LETTER_READY').execute();
    await sql`update profiles p set notice_sent_at = ${postedAt}, opposition_deadline = ${addDays(postedOn, OPPOSITION_WINDOW_DAYS)}::date
      from campaign_recipients r where r.letter_batch_id = ${batchId} and p.id = r.profile_id and p.notice_sent_at is null`.execute(trx);
    await recordAccess(trx, { actor, action: 'campaign.letters.post', profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'letter_batch', id: batchId } });
    return batch.stored_path;
  });
  if (file) await rm(file, { force: true });
}

/** The print file of a batch not yet posted, for the print provider; each download is traced. */
export async function letterBatchFile(db: Db, actor: Actor, campaignId: string, batchId: string, now: Date): Promise<{ path: string; filename: string }> {
  const decision = authorize(actor, 'campaign.manage');
  await recordAccess(db, { actor, action: 'campaign.letters.download', profileId: null, decision, at: now, channel: 'BACKOFFICE', target: { type: 'letter_batch', id: batchId } });
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  const batch = await db.selectFrom('letter_batches').select(['stored_path', 'seq', 'status'])
    .where('id', '=', batchId).where('campaign_id', '=', campaignId).executeTakeFirst();
  if (!batch) throw new NotFoundError('Lot de courriers');
  if (!batch.stored_path) throw new ValidationError('letters.gone', 'Ce lot a été déposé : son fichier, qui contenait les codes, a été supprimé.');
  return { path: batch.stored_path, filename: `courriers-lot-${String(batch.seq).padStart(4, '0')}.pdf` };
}
