import net from 'node:net';
import { Readable } from 'node:stream';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Db } from '@/db/client';

/**
 * Campaign-scale sending (CMP-3, CMP-9). One slot = one SMTP connection used by one consumer at a time.
 *
 * `beforeFinalDot` runs once the server has accepted the envelope and the whole message body, just
 * before the terminating "." that makes the server take the message. The caller records "sending"
 * there, so after a crash a recipient is either unsent (re-sent later) or presumed sent (never twice).
 */
export type BulkMessage = { id: string; from: string; to: string; subject: string; html: string; text: string; messageId: string };
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'bounced'; error: string }   // permanent refusal of the address: a letter follows (CMP-3)
  | { kind: 'failed'; error: string };   // anything else: retried later, then FAILED (CMP-9)

export interface SenderSlot {
  send(message: BulkMessage, beforeFinalDot: () => Promise<void>): Promise<SendOutcome>;
  close(): void;
}
export interface BulkSender { slots: SenderSlot[]; close(): void }

type SmtpError = Error & { responseCode?: number; command?: string };

/** The bare address of "Name <address>", for the SMTP envelope. */
function envelopeAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  return first && 'address' in first && first.address ? first.address : from;
}

/** 5xx on MAIL FROM / RCPT TO is a hard bounce; 4xx and network errors are transient. */
export function classifySmtpError(err: SmtpError): SendOutcome {
  const permanent = (err.responseCode ?? 0) >= 500;
  const envelope = err.command === 'RCPT TO' || /^RCPT/i.test(err.command ?? '');
  return permanent && envelope ? { kind: 'bounced', error: err.message } : { kind: 'failed', error: err.message.slice(0, 500) };
}

/** A body that hands over its content, waits for `beforeFinalDot`, then ends (the dot follows). */
function heldBody(raw: Buffer, beforeFinalDot: () => Promise<void>, onHeldError: (e: Error) => void): Readable {
  let started = false;
  return new Readable({
    read() {
      if (started) return;
      started = true; // called only once nodemailer pipes us, i.e. after the server's 354
      this.push(raw);
      beforeFinalDot().then(() => this.push(null), (e: Error) => { onHeldError(e); this.destroy(e); });
    },
  });
}

class SmtpSlot implements SenderSlot {
  private conn: SMTPConnection | null = null;
  private ready: Promise<SMTPConnection> | null = null;
  constructor(private readonly url: URL) {}

  private connect(): Promise<SMTPConnection> {
    if (this.ready) return this.ready;
    const secure = this.url.protocol === 'smtps:';
    const options: SMTPConnection.Options = {
      host: this.url.hostname, port: Number(this.url.port || (secure ? 465 : 25)), secure,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
      // STACK.md: without TCP_NODELAY each command waits on Nagle's delay (~25 msg/s instead of ~800).
      ...(secure ? {} : { socket: new net.Socket().setNoDelay(true) }),
    };
    const conn = new SMTPConnection(options);
    this.ready = new Promise<SMTPConnection>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => {
        const user = decodeURIComponent(this.url.username);
        if (!user) return resolve(conn);
        conn.login({ user, pass: decodeURIComponent(this.url.password) }, (err) => (err ? reject(err) : resolve(conn)));
      });
    }).then((c) => { this.conn = c; c.on('error', () => this.reset()); c.on('end', () => this.reset()); return c; });
    this.ready.catch(() => this.reset());
    return this.ready;
  }

  private reset(): void {
    const conn = this.conn;
    this.conn = null;
    this.ready = null;
    try { conn?.close(); } catch { /* already closed */ }
  }

  async send(message: BulkMessage, beforeFinalDot: () => Promise<void>): Promise<SendOutcome> {
    let conn: SMTPConnection;
    try { conn = await this.connect(); } catch (e) { return { kind: 'failed', error: (e as Error).message }; }
    const raw = await new MailComposer({
      from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text, messageId: message.messageId,
    }).compile().build();
    let heldError: Error | null = null;
    const body = heldBody(raw, beforeFinalDot, (e) => { heldError = e; });
    return new Promise<SendOutcome>((resolve) => {
      conn.send({ from: envelopeAddress(message.from), to: [message.to] }, body, (err) => {
        if (!err) return resolve({ kind: 'sent' });
        this.reset(); // a connection in an unknown state is never reused
        if (heldError) return resolve({ kind: 'failed', error: `non envoyé : ${(heldError as Error).message}` });
        resolve(classifySmtpError(err as SmtpError));
      });
    });
  }

  close(): void { this.reset(); }
}

/** Without SMTP: the demo mailbox, keyed by recipient so a re-run stores nothing twice. */
class DemoMailboxSlot implements SenderSlot {
  constructor(private readonly db: Db) {}
  async send(message: BulkMessage, beforeFinalDot: () => Promise<void>): Promise<SendOutcome> {
    await beforeFinalDot();
    const { subject, html, text } = message;
    await this.db.insertInto('demo_mailbox')
      .values({ outbox_id: null, campaign_recipient_id: message.id, to_address: message.to, subject, html, text })
      .onConflict((oc) => oc.column('campaign_recipient_id').doNothing()).execute();
    return { kind: 'sent' };
  }
  close(): void {}
}

export function createBulkSender(opts: { smtpUrl: string | undefined; size: number; db: Db }): BulkSender {
  const slots: SenderSlot[] = [];
  for (let i = 0; i < opts.size; i++) {
    slots.push(opts.smtpUrl ? new SmtpSlot(new URL(opts.smtpUrl)) : new DemoMailboxSlot(opts.db));
  }
  return { slots, close: () => slots.forEach((s) => s.close()) };
}
