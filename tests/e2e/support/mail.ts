import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DeliveredMail as ReceivedMail } from './mail-sink';
import { MAIL_DIR } from './paths';

/** Emails that really reached the test SMTP server, for one recipient, oldest first. */
export function mailsTo(address: string): ReceivedMail[] {
  return readdirSync(MAIL_DIR).sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]) || a.localeCompare(b))
    .map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), 'utf8')) as ReceivedMail)
    .filter((m) => m.to.includes(address.toLowerCase()));
}

/** Waits for the next email to `address` matching `subject`, received after `since`. */
export async function waitForMail(address: string, subject: RegExp, since: number, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = mailsTo(address).filter((m) => m.receivedAt >= since && subject.test(m.subject));
    if (found.length) return found[found.length - 1]!;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no email "${subject}" to ${address} within ${timeoutMs} ms`);
}

export const otpIn = (mail: ReceivedMail) => /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
export const codeProvisoireIn = (mail: ReceivedMail) => /code provisoire\s*:\s*([A-Z0-9]{8})\b/.exec(mail.text)?.[1] ?? '';
