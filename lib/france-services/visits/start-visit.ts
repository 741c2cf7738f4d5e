import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess, recordAccesses } from '@/lib/audit/record-access';
import { checkVitaleSerial } from '@/lib/auth/credential-rules';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { parseNir } from '@/lib/identity/nir';
import { VisitAlreadyOpenError, VisitIdentityError } from './errors';
import { closeExpiredVisit } from './guard';
import { coveredProfiles, visitExpiry } from './rules';

export type StartVisitInput = { nir: string; vitaleSerial: string; birthDate: string; presenceConfirmed: boolean };

/**
 * FS-2: an advisor starts an assisted visit from the person's physical carte Vitale (NIR with its key,
 * serial, date of birth, matched like OPP-3 and ACT-4), with the person present and agreeing (the box).
 * The visit covers the person's profile and the profiles they represent (REP links) or that are attached
 * to them as parent principal (CMP-2); it lasts 60 minutes. Seeing who is covered is traced on each
 * covered profile as an administrative read, ASSISTED, in the visit's transaction (FS-5).
 */
export async function startVisit(db: Db, actor: Actor, input: StartVisitInput, now: Date): Promise<string> {
  const access = authorize(actor, 'advisor.access');
  if (!access.allowed || actor.kind !== 'ADVISOR') {
    await recordAccess(db, { actor, action: 'assisted-visit.start', profileId: null, decision: access, at: now });
    throw new AccessDeniedError(access.allowed ? 'réservé aux conseillers France Services.' : access.reason);
  }
  if (!input.presenceConfirmed) {
    throw new ValidationError('visit.presence', 'Cochez la case pour confirmer que la personne est présente et a donné son accord.', 'presenceConfirmed');
  }
  const nir = parseNir(input.nir).nir; // InvalidNirError on the field `nir` (wrong key...)
  const serialError = checkVitaleSerial(input.vitaleSerial);
  if (serialError) throw new ValidationError('visit.serial', serialError, 'vitaleSerial');
  const serial = input.vitaleSerial.replace(/\s/g, '');

  const person = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'accounts.id as account_id'])
    .where('profiles.nir', '=', nir).where('profiles.vitale_serial', '=', serial).where('profiles.birth_date', '=', input.birthDate)
    .executeTakeFirst();
  if (!person) {
    await recordAccess(db, { actor, action: 'assisted-visit.start', profileId: null, at: now, denied: 'no-match' });
    throw new VisitIdentityError();
  }
  const represented = person.account_id
    ? (await db.selectFrom('representations').select('profile_id').where('account_id', '=', person.account_id).where('revoked_at', 'is', null).execute()).map((r) => r.profile_id)
    : [];
  const attached = (await sql<{ id: string }>`select c.id from insured_people ip join profiles c on c.nir = ip.nir
    where ip.parent_nir = ${nir} order by c.birth_date`.execute(db)).rows.map((r) => r.id);
  const covered = coveredProfiles(person.id, represented, attached);

  await closeExpiredVisit(db, actor, now);
  try {
    return await db.transaction().execute(async (trx) => {
      const visit = await trx.insertInto('assisted_visits').values({
        advisor_id: actor.staffId, site_id: actor.siteId, profile_id: person.id, started_at: now, expires_at: visitExpiry(now),
        ended_at: null, end_reason: null, presence_confirmed: true,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('assisted_visit_profiles').values(covered.map((c) => ({ visit_id: visit.id, profile_id: c.profileId, relation: c.relation }))).execute();
      await recordAccesses(trx, covered.map((c) => ({ actor, action: 'profile.admin.read', profileId: c.profileId, at: now,
        target: { type: 'assisted-visit', id: visit.id } })));
      return visit.id;
    });
  } catch (e) {
    // FS-2: one open visit per advisor (unique index).
    if ((e as { code?: string }).code === '23505') throw new VisitAlreadyOpenError();
    throw e;
  }
}
