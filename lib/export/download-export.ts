import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';

export class ExportExpiredError extends DomainError {
  constructor() {
    super('export.expired', 'Ce lien de téléchargement a expiré (il est valable 7 jours). Faites une nouvelle demande.');
  }
}

/** CLO-12: the ZIP, for the account that asked for it, within 7 days; every download traced. */
export async function downloadExport(db: Db, actor: Actor, exportId: string, now: Date): Promise<{ stream: Readable; size: number; requestedAt: Date }> {
  const row = /^[0-9a-f-]{36}$/i.test(exportId)
    ? await db.selectFrom('data_exports').selectAll().where('id', '=', exportId).executeTakeFirst() : undefined;
  if (!row) throw new NotFoundError('Export');
  // Another account's export answers like an unknown one (IDOR); the refusal is traced by the gate.
  await ensureOnProfile(db, actor, 'profile.export', row.profile_id, 'profile.export.download', now).catch((error: unknown) => {
    throw error instanceof AccessDeniedError ? new NotFoundError('Export') : error;
  });
  if (actor.kind !== 'PATIENT' || actor.accountId !== row.account_id) throw new NotFoundError('Export');
  if (row.status !== 'READY') throw new NotFoundError('Export');
  if (!row.blob_key || !row.wrapped_key || (row.expires_at && row.expires_at <= now)) throw new ExportExpiredError();
  await recordAccess(db, { actor, action: 'profile.export.download', profileId: row.profile_id, target: { type: 'export', id: row.id }, at: now });
  return { stream: await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key }), size: Number(row.size_bytes), requestedAt: row.requested_at };
}
