import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

export const MAILBOX_PAGE_SIZE = 25;

/**
 * "Courriels (environnement de démonstration)": what would have been sent if SMTP_URL were set.
 * Staff only (the messages hold codes); in the demo, `publicDemo` also opens it without login.
 */
export async function listDemoMailbox(db: Db, actor: Actor | 'public-demo', before: string | undefined, now: Date) {
  if (actor !== 'public-demo') {
    const decision = authorize(actor, 'backoffice.mailbox.read');
    await recordAccess(db, { actor, action: 'backoffice.mailbox.read', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  }
  let q = db.selectFrom('demo_mailbox').select(['id', 'to_address', 'subject', 'text', 'created_at']);
  if (before && /^\d+$/.test(before)) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(MAILBOX_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, MAILBOX_PAGE_SIZE);
  return { rows: page, olderCursor: rows.length > MAILBOX_PAGE_SIZE ? page[page.length - 1]!.id : undefined };
}

/** The public demo mailbox exists only when the start command says this is a demo without SMTP. */
export const publicDemoMailboxEnabled = () => process.env.MES_DEMO_MAILBOX === 'public' && !process.env.SMTP_URL;
