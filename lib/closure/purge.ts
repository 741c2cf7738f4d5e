import { sql, type Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { transition, type LifecycleEvent } from '@/lib/accounts/lifecycle';
import { recordAccess } from '@/lib/audit/record-access';
import { hashSecret } from '@/lib/auth/secrets';
import { parisDay } from '@/lib/campaigns/window';
import { enqueue } from '@/lib/queue/outbox';
import { authorize } from '@/lib/access/policy';
import { AccessDeniedError } from '@/lib/errors';
import { ARCHIVE_YEARS, deletionAlertOn } from './rules';
import { closeInTransaction } from './close-profile';
import { blobStore } from '@/lib/storage/blob-store';

const SYSTEM = { kind: 'SYSTEM', job: 'closure' } as const;

/**
 * CLO-4, CLO-5, ACC-5, T12/T13: deletes a profile's data and traces, keeping a tombstone (a keyed hash of
 * the NIR, the dates, the reason). The holder's account goes too unless it still represents someone
 * (CLO-8). The purge's own trace goes to the global chain: the profile's chain no longer exists.
 */
async function purgeOne(db: Db, trx: Transaction<DB>, profileId: string, event: LifecycleEvent, now: Date): Promise<{ email: string | null; firstName: string } | null> {
  const p = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.state', 'profiles.nir', 'profiles.first_names', 'profiles.email', 'accounts.id as account_id', 'accounts.email as account_email'])
    .where('profiles.id', '=', profileId).forUpdate(['profiles']).executeTakeFirst();
  if (!p) return null;
  const { to } = transition(p.state, event, 'SYSTEM');
  const told = { email: p.account_email ?? p.email, firstName: p.first_names.split(' ')[0] ?? '' };
  // Documents: deleting a row deletes its wrapped key, so the encrypted file is unreadable at once
  // (crypto-erasure, DOC-13); the file itself is removed right after.
  const blobs = [
    ...await trx.selectFrom('documents').select('blob_key').where('profile_id', '=', profileId).where('blob_key', 'is not', null).execute(),
    ...await trx.selectFrom('data_exports').select('blob_key').where('profile_id', '=', profileId).where('blob_key', 'is not', null).execute(),
    ...await trx.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select('a.blob_key').where('c.profile_id', '=', profileId).execute(),
  ];
  await trx.updateTable('documents').set({ folder_id: null, replaces_id: null }).where('profile_id', '=', profileId).execute();
  // medical_entries and directives_reviews first: they may point at the profile's documents (DOC-8, PRF-4)
  // and episodes (HIS-7). Conversations take their messages and attachments with them (cascade).
  for (const table of ['medical_entries', 'directives_reviews', 'activation_codes', 'activation_failures', 'enrolments', 'oppositions', 'documents', 'document_folders',
    'measures', 'measure_targets', 'mask_all_runs', 'professional_blocks', 'privacy_settings', 'care_episodes',
    'service_consents', 'service_push_requests', 'professional_authorisations', 'emergency_accesses', 'professional_messages',
    'conversations', 'appointments', 'reminders', 'prevention_messages', 'prevention_opt_outs'] as const) {
    await trx.deleteFrom(table).where('profile_id', '=', profileId).execute();
  }
  for (const { blob_key } of blobs) await blobStore().delete(blob_key!);
  await trx.deleteFrom('representative_invitations').where('profile_id', '=', profileId).execute();
  await trx.deleteFrom('representations').where('profile_id', '=', profileId).execute();
  await trx.updateTable('campaign_recipients').set({ profile_id: null }).where('profile_id', '=', profileId).execute();
  if (p.account_id) {
    const stillRepresents = await trx.selectFrom('representations').select('id').where('account_id', '=', p.account_id).where('revoked_at', 'is', null).executeTakeFirst();
    if (!stillRepresents) {
      await trx.deleteFrom('representative_invitations').where((eb) => eb.or([eb('inviter_account_id', '=', p.account_id!), eb('invitee_account_id', '=', p.account_id!)])).execute();
      await trx.deleteFrom('representations').where('account_id', '=', p.account_id).execute();
      await trx.deleteFrom('accounts').where('id', '=', p.account_id).execute();
    }
  }
  await sql`select purge_profile_traces(${profileId}::uuid)`.execute(trx);
  await trx.updateTable('insured_people').set({ profile_purged_at: now }).where('nir', '=', p.nir).execute();
  await trx.updateTable('profiles').set({
    nir: `PURGED-${hashSecret(`nir:${p.nir}`)}`, vitale_serial: '', birth_name: '', first_names: '', birth_place: null, email: null,
    birth_date: '1900-01-01', state: to, previous_state: p.state, state_changed_at: now, purged_at: now,
  }).where('id', '=', profileId).execute();
  await recordAccess(trx, { actor: SYSTEM, action: 'profile.purge', profileId: null, at: now, channel: 'WORKER', target: { type: 'profile', id: profileId } });
  return told;
}

/**
 * The daily closure jobs (idempotent, catching up on whatever is due): suspensions not objected to
 * within 42 days close (T8, CLO-9); deletion requests are purged at +30 days (T12, CLO-5, holder told);
 * archives older than 10 years are purged (T13, CLO-4).
 */
export async function runClosureJobs(db: Db, now: Date): Promise<{ suspensionsClosed: number; deletionsPurged: number; archivesPurged: number }> {
  const today = parisDay(now);
  const suspended = await db.selectFrom('profiles').select('id').where('state', '=', 'SUSPENDED')
    .where('suspension_objected_at', 'is', null).where('suspension_deadline', '<', today).execute();
  for (const { id } of suspended) {
    await db.transaction().execute((trx) => closeInTransaction(db, trx, SYSTEM,
      { profileId: id, deleteData: false, reason: 'SUSPENSION', event: 'SUSPENSION_EXPIRED' }, 'WORKER', now));
  }
  const deletions = await db.selectFrom('profiles').select('id').where('state', '=', 'DELETION_REQUESTED').where('purge_due_on', '<=', today).execute();
  for (const { id } of deletions) {
    await db.transaction().execute(async (trx) => {
      const told = await purgeOne(db, trx, id, 'PURGE', now);
      if (told?.email) await enqueue(trx, { kind: 'email', message: { template: 'purged', to: told.email, data: { firstName: told.firstName } } });
    });
  }
  const archives = await db.selectFrom('profiles').select('id').where('state', '=', 'CLOSED')
    .where('closed_at', '<=', sql<Date>`${now}::timestamptz - ${`${ARCHIVE_YEARS} years`}::interval`).execute();
  for (const { id } of archives) {
    await db.transaction().execute((trx) => purgeOne(db, trx, id, 'ARCHIVE_EXPIRED', now));
  }
  return { suspensionsClosed: suspended.length, deletionsPurged: deletions.length, archivesPurged: archives.length };
}

/** BO-6: the deletion queue with its deadlines; past +75 days a request is flagged (CLO-5 alert). */
export async function deletionQueue(db: Db, actor: Actor, now: Date) {
  const decision = authorize(actor, 'backoffice.access');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'backoffice.deletion-queue', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  const rows = await db.selectFrom('profiles').select(['id', 'first_names', 'birth_name', 'deletion_requested_at', 'purge_due_on'])
    .where('state', '=', 'DELETION_REQUESTED').orderBy('deletion_requested_at').limit(200).execute();
  const today = parisDay(now);
  return rows.map((r) => ({ ...r, alert: r.deletion_requested_at ? deletionAlertOn(r.deletion_requested_at) <= today : false }));
}
