import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { OppositionChannel } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { TransitionRefusedError, transition } from '@/lib/accounts/lifecycle';
import { recordAccess } from '@/lib/audit/record-access';
import { DomainError, ValidationError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';
import { findOpposableProfiles, type Identity } from './identify';

export class OppositionRefusedError extends DomainError {}

/**
 * OPP-4, OPP-5, OPP-7, ACC-2 T2: each ticked profile still PENDING becomes OPPOSED; its unused codes
 * are voided (no further notices: campaigns never select OPPOSED); a receipt number is given (OPP-6).
 * All in one transaction with the traces; a profile already created is refused (OPP-8: closure).
 */
export async function opposeOnline(db: Db, identity: Identity, profileIds: string[], now: Date): Promise<string[]> {
  if (profileIds.length === 0) throw new ValidationError('opposition.none', 'Cochez au moins une personne.', 'profils');
  const opposable = await findOpposableProfiles(db, identity);
  const chosen = opposable.filter((p) => profileIds.includes(p.id));
  if (chosen.length !== new Set(profileIds).size) throw new ValidationError('opposition.unknown', 'Une des personnes cochées ne fait pas partie de vos profils.', 'profils');
  return recordOppositions(db, { kind: 'PUBLIC' }, chosen.map((p) => p.id), { channel: 'WEB', postmarkDate: null, recordedBy: null }, now);
}

export async function recordOppositions(db: Db, actor: Actor, profileIds: string[],
  how: { channel: OppositionChannel; postmarkDate: string | null; recordedBy: string | null; emailReceiptTo?: string | null }, now: Date): Promise<string[]> {
  const actorRole = actor.kind === 'STAFF' || actor.kind === 'ADVISOR' ? 'SUPPORT' : 'PATIENT';
  const refused: { id: string; error: Error }[] = [];
  const ids = await db.transaction().execute(async (trx) => {
    const created: string[] = [];
    for (const profileId of profileIds) {
      const profile = await trx.selectFrom('profiles').select(['id', 'state', 'first_names']).where('id', '=', profileId).forUpdate().executeTakeFirstOrThrow();
      const firstName = profile.first_names.split(' ')[0] ?? '';
      let to;
      try {
        // OPP-4: a letter postmarked inside the window (checked by the caller) counts even after creation.
        const late = profile.state === 'CREATED' && how.channel === 'LETTER' && how.postmarkDate !== null;
        to = transition(profile.state, late ? 'LATE_POSTMARKED_OPPOSITION' : 'OPPOSITION', actorRole).to;
      } catch (e) {
        if (!(e instanceof TransitionRefusedError)) throw e;
        refused.push({ id: profileId, error: new OppositionRefusedError('opposition.not-pending', profile.state === 'CREATED' || profile.state === 'ACTIVE'
          ? `Le profil de ${firstName} a déjà été créé : l’opposition n’est plus possible, mais vous pouvez le fermer (avec votre code provisoire ou au 3422).`
          : `Le profil de ${firstName} ne peut pas faire l’objet d’une opposition dans son état actuel.`) });
        continue;
      }
      // OPP-7: no pre-existing DMP stays attached (CMP-11 may have attached it at creation).
      await trx.updateTable('profiles').set({ state: to, previous_state: profile.state, state_changed_at: now, legacy_dmp_attached_at: null })
        .where('id', '=', profileId).execute();
      await trx.updateTable('activation_codes').set({ invalidated_at: now })
        .where('profile_id', '=', profileId).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
      const row = await trx.insertInto('oppositions').values({
        receipt_number: sql<string>`'OPP-' || to_char(${now}::timestamptz at time zone 'Europe/Paris', 'YYYY') || '-' || lpad(nextval('opposition_receipt_seq')::text, 8, '0')`,
        profile_id: profileId, channel: how.channel, received_at: now, postmark_date: how.postmarkDate, recorded_by: how.recordedBy, withdrawn_at: null,
      }).returning(['id', 'receipt_number']).executeTakeFirstOrThrow();
      if (how.emailReceiptTo) {
        // OPP-6: the receipt leaves with the opposition or not at all (same transaction, outbox).
        await enqueue(trx, { kind: 'email', message: { template: 'opposition-receipt', to: how.emailReceiptTo,
          data: { firstName, receiptNumber: row.receipt_number, oppositionId: row.id } } });
      }
      await recordAccess(trx, { actor, action: 'profile.oppose', profileId, at: now, channel: how.channel === 'WEB' ? 'WEB' : 'BACKOFFICE',
        target: { type: 'opposition', id: row.id } });
      created.push(row.id);
    }
    // One refusal refuses the whole request: nothing half-done.
    if (refused.length) throw refused[0]!.error;
    return created;
  }).catch(async (error) => {
    for (const r of refused) await recordAccess(db, { actor, action: 'profile.oppose', profileId: r.id, at: now, denied: 'not-pending' });
    throw error;
  });
  return ids;
}
