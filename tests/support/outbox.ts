import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { unseal } from '@/lib/auth/secrets';
import type { EmailMessage } from '@/emails';

/** The latest outbox email of one template to one address (what the person will receive). */
export async function latestEmail(db: Db, to: string, template: EmailMessage['template']) {
  return db.selectFrom('outbox').selectAll()
    .where('kind', '=', 'email')
    .where(sql<string>`payload->>'template'`, '=', template)
    .where(sql<string>`payload->>'to'`, '=', to.toLowerCase())
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function emailsTo(db: Db, to: string, template: EmailMessage['template']) {
  return db.selectFrom('outbox').selectAll()
    .where('kind', '=', 'email')
    .where(sql<string>`payload->>'template'`, '=', template)
    .where(sql<string>`payload->>'to'`, '=', to.toLowerCase())
    .orderBy('id').execute();
}

/** OTPs are stored hashed; the only clear copy travels sealed beside the email until it is sent. */
export async function latestOtp(db: Db, to: string): Promise<string> {
  const row = await latestEmail(db, to, 'otp');
  if (!row?.sealed) throw new Error(`no sealed OTP email for ${to}`);
  return (JSON.parse(unseal(row.sealed)) as { otp: string }).otp;
}
