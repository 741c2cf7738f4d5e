import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import type { RenderedEmail } from '@/emails';
import { config } from '@/lib/config';

/**
 * Sends through SMTP when SMTP_URL is set; otherwise keeps the message in the demo mailbox that the
 * back-office shows ("Courriels (environnement de démonstration)"), so the demo needs no mail server.
 */
export type Mailer = {
  send(trx: Transaction<DB> | Kysely<DB>, outboxId: string, to: string, email: RenderedEmail): Promise<void>;
  close(): void;
};

export function createMailer(smtpUrl = config().SMTP_URL, from = config().MAIL_FROM): Mailer {
  if (!smtpUrl) {
    return {
      async send(trx, outboxId, to, email) {
        await trx.insertInto('demo_mailbox')
          .values({ outbox_id: outboxId, to_address: to, subject: email.subject, html: email.html,
            text: email.attachments?.length ? `${email.text}\n\n[Pièces jointes : ${email.attachments.map((a) => a.filename).join(', ')}]` : email.text })
          .onConflict((oc) => oc.column('outbox_id').doNothing()).execute();
      },
      close() {},
    };
  }
  // Pooling and TLS are chosen in the URL itself, e.g. smtps://user:pass@host:465?pool=true.
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(_trx, outboxId, to, email) {
      await transport.sendMail({
        from, to, subject: email.subject, html: email.html, text: email.text, attachments: email.attachments,
        headers: { 'X-MES-Outbox-Id': outboxId },
      });
    },
    close: () => transport.close(),
  };
}
