import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { issueOtp, verifyOtp } from '@/lib/auth/otp-challenges';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';

/** CLO-12: the link to a finished export works for 7 days. */
export const EXPORT_VALIDITY_DAYS = 7;

function patientAccount(actor: Actor) {
  if (actor.kind !== 'PATIENT') throw new AccessDeniedError('le téléchargement des données se fait depuis le compte du titulaire ou d’un représentant légal.');
  return actor;
}

/** CLO-12: a fresh one-time code to the account's email before any export (the session alone is not enough). */
export async function sendExportCode(db: Db, actor: Actor, profileId: string, now: Date): Promise<{ challengeId: string; email: string }> {
  await ensureOnProfile(db, actor, 'profile.export', profileId, 'profile.export.code', now);
  const patient = patientAccount(actor);
  const account = await db.selectFrom('accounts').select('email').where('id', '=', patient.accountId).executeTakeFirstOrThrow();
  const challengeId = await db.transaction().execute((trx) =>
    issueOtp(trx, { purpose: 'DATA_EXPORT', subjectId: patient.accountId, email: account.email }, now));
  return { challengeId, email: account.email };
}

/** CLO-12: the code checks out → the export is queued (built by the `documents` worker) and traced. */
export async function confirmExport(db: Db, actor: Actor, input: { profileId: string; challengeId: string; otp: string }, now: Date): Promise<{ exportId: string }> {
  await ensureOnProfile(db, actor, 'profile.export', input.profileId, 'profile.export.request', now);
  const patient = patientAccount(actor);
  if (!/^\d{6}$/.test(input.otp.trim())) throw new ValidationError('export.otp-format', 'Saisissez les 6 chiffres du code reçu par courriel.', 'code');
  const verified = await verifyOtp(db, { challengeId: input.challengeId, purpose: 'DATA_EXPORT', otp: input.otp }, now)
    .catch((error: Error) => { throw new ValidationError('export.otp', error.message, 'code'); });
  if (verified.subjectId !== patient.accountId) throw new ValidationError('export.otp', 'Ce code n’a pas été envoyé à ce compte.', 'code');
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('data_exports').values({ profile_id: input.profileId, account_id: patient.accountId, blob_key: null,
      wrapped_key: null, size_bytes: null, error: null, requested_at: now, ready_at: null, expires_at: null }).returning('id').executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'data-export', exportId: row.id });
    await recordAccess(trx, { actor, action: 'profile.export.request', profileId: input.profileId, target: { type: 'export', id: row.id }, at: now });
    return { exportId: row.id };
  });
}

/** The exports of a profile requested by this account, newest first (the page's list). */
export async function exportsOf(db: Db, actor: Actor, profileId: string, now: Date) {
  await ensureOnProfile(db, actor, 'profile.export', profileId, 'profile.export.list', now);
  const patient = patientAccount(actor);
  return db.selectFrom('data_exports').select(['id', 'status', 'requested_at', 'ready_at', 'expires_at', 'size_bytes', 'blob_key'])
    .where('profile_id', '=', profileId).where('account_id', '=', patient.accountId).orderBy('requested_at', 'desc').limit(10).execute();
}
