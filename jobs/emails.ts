import type { Db } from '@/db/client';
import { frenchDay, renderEmail, type EmailMessage } from '@/emails';
import { unseal } from '@/lib/auth/secrets';
import { lastOppositionDay } from '@/lib/campaigns/window';
import { findReceipt, renderReceiptPdf } from '@/lib/oppositions/receipt';
import type { Mailer } from '@/lib/notifications/mailer';
import { createSmsSender, type SmsSender } from '@/lib/notifications/sms';

export const EMAILS_QUEUE = 'emails';
export type EmailJob = { outboxId: string };

/**
 * Sends one outbox email. Idempotent: the row is locked and re-read, a DONE row sends nothing, and the
 * row is marked DONE (its sealed secrets wiped) in the same transaction as the send.
 */
export async function processEmail(db: Db, mailer: Mailer, job: EmailJob, now = new Date(), sms: SmsSender = createSmsSender()): Promise<'sent' | 'skipped'> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', job.outboxId).forUpdate().executeTakeFirst();
    if (!row || row.status === 'DONE') return 'skipped';
    if (row.kind === 'sms') {
      // The text holds `{code}`; the code itself travels sealed and is merged only here.
      const { to, text } = row.payload as { to: string; text: string };
      const secrets: Record<string, string> = row.sealed ? JSON.parse(unseal(row.sealed)) : {};
      await sms.send(trx, row.id, to, text.replace('{code}', secrets.code ?? ''));
      await trx.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: now, sealed: null, last_error: null, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', row.id).execute();
      return 'sent';
    }
    const message = row.payload as unknown as EmailMessage;
    const extra: Record<string, string> = row.sealed ? JSON.parse(unseal(row.sealed)) : {};
    if (message.template === 'notice') {
      // CMP-4: the window runs from the day the notice is actually sent.
      const lastDay = lastOppositionDay(now);
      extra.lastOppositionDay = frenchDay(new Date(`${lastDay}T12:00:00Z`));
      await trx.updateTable('profiles').set({ notice_sent_at: now, opposition_deadline: lastDay })
        .where('id', '=', message.profileId).where('notice_sent_at', 'is', null).execute();
    }
    const email = await renderEmail(message, extra);
    if (message.template === 'opposition-receipt') {
      // OPP-6: the PDF is built from the opposition as recorded, at sending time.
      const pdf = await renderReceiptPdf(await findReceipt(trx, message.data.oppositionId));
      email.attachments = [{ filename: `recepisse-${message.data.receiptNumber}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }];
    }
    await mailer.send(trx, row.id, message.to, email);
    await trx.updateTable('outbox')
      .set((eb) => ({ status: 'DONE', done_at: now, sealed: null, last_error: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id).execute();
    return 'sent';
  });
}

/** After the last retry: visible as FAILED in the back-office (BO-9), where staff can retry it. */
export async function markEmailFailed(db: Db, job: EmailJob, error: string, attempts: number): Promise<void> {
  await db.updateTable('outbox')
    .set({ status: 'FAILED', last_error: error.slice(0, 500), attempts })
    .where('id', '=', job.outboxId).where('status', '!=', 'DONE').execute();
}
