import type { Db } from '@/db/client';

/** "c•••••@exemple.fr": enough for the person to recognise their address, not to read it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(3, local.length - 1))}@${domain}`;
}

export async function maskedChallengeEmail(db: Db, challengeId: string): Promise<string | null> {
  const row = await db.selectFrom('otp_challenges').select('destination').where('id', '=', challengeId).executeTakeFirst();
  return row ? maskEmail(row.destination) : null;
}
