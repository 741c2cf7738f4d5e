import { sql } from 'kysely';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb, type Db } from '@/db/client';
import type { Audience } from '@/db/schema';
import type { Actor, AdvisorActor, PatientActor, ProfessionalActor, StaffActor } from '@/lib/access/actor';
import { liveAidedProfileIds } from '@/lib/aidants/live-links';
import { recordAccess } from '@/lib/audit/record-access';
import { professionalActor } from './professional-login';
import { readSession } from './read-session';

type ActorOf = { patient: PatientActor; pro: ProfessionalActor; staff: StaffActor; advisor: AdvisorActor };

export const LOGIN_PAGE: Record<Audience, string> = {
  patient: '/connexion', pro: '/pro/connexion', staff: '/admin/connexion', advisor: '/accompagnement/connexion',
};
export const HOME_PAGE: Record<Audience, string> = { patient: '/espace', pro: '/pro', staff: '/admin', advisor: '/accompagnement' };

/** The signed-in actor, re-read from the database once per request (a revoked link takes effect at once). */
export const currentActor = cache(async (): Promise<{ audience: Audience; actor: Actor } | null> => {
  const session = await readSession();
  if (!session) return null;
  const db = getDb();
  const id = session.subjectId;
  switch (session.audience) {
    case 'patient':
      return patientSession(db, id, session.loginAt);
    case 'pro': {
      const p = await db.selectFrom('professionals').selectAll().where('id', '=', id).executeTakeFirst();
      if (!p) return null;
      return { audience: 'pro', actor: professionalActor(p) };
    }
    case 'staff':
    case 'advisor':
      return staffSession(db, id, session.loginAt);
  }
});

/**
 * A patient-side session's actor, or null: CLO-8 (an account whose own profile is closed still serves the
 * children it represents); and a session opened before the account's last password change (`loginAt`) is
 * refused: the other sessions end, the one that made the change was signed in again (« Mes coordonnées »).
 */
export async function patientSession(db: Db, id: string, loginAt?: number): Promise<{ audience: Audience; actor: Actor } | null> {
  // One round trip: the account, its own profile's state and the profiles it represents.
  const row = await db.selectFrom('accounts').leftJoin('profiles', 'profiles.id', 'accounts.profile_id')
    .select(['accounts.id', 'accounts.identifiant', 'accounts.profile_id', 'accounts.password_changed_at', 'profiles.first_names', 'profiles.birth_name', 'profiles.state'])
    .select(sql<string[]>`array(select r.profile_id from representations r where r.account_id = accounts.id and r.revoked_at is null)`.as('represented'))
    // AID-1, AID-4, AID-6: live aidant links, only while the aidant's own profile is ACTIVE.
    .select(sql<string[]>`(case when profiles.state = 'ACTIVE' then ${liveAidedProfileIds(sql`accounts.id`)} else '{}'::uuid[] end)`.as('aided'))
    .where('accounts.id', '=', id).executeTakeFirst();
  if (!row || (row.state && row.state !== 'ACTIVE' && row.represented.length === 0)) return null;
  if (loginAt !== undefined && row.password_changed_at && loginAt < row.password_changed_at.getTime()) return null;
  const name = row.first_names ? `${row.first_names.split(' ')[0]} ${row.birth_name}` : row.identifiant;
  return { audience: 'patient', actor: { kind: 'PATIENT', accountId: row.id, name, ownProfileId: row.profile_id,
    representedProfileIds: row.represented, aidedProfileIds: row.aided } };
}

/**
 * A staff or advisor session's actor, or null: FS-1 — a deactivated account, or one whose password was voided
 * by a reset, has no session from its next request on; nor does a session opened before the password in
 * force was chosen (`loginAt`: a reset then a new password does not revive an older session).
 */
export async function staffSession(db: Db, id: string, loginAt?: number): Promise<{ audience: Audience; actor: Actor } | null> {
  const s = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.deactivated_at || !s.password_set_at) return null;
  if (loginAt !== undefined && loginAt < s.password_set_at.getTime()) return null;
  if (s.kind === 'ADVISOR') {
    return { audience: 'advisor', actor: { kind: 'ADVISOR', staffId: s.id, siteId: s.site_id!, name: s.display_name } };
  }
  return { audience: 'staff', actor: { kind: 'STAFF', staffId: s.id, role: s.kind, name: s.display_name } };
}

/**
 * Layout and page guard: no session → that audience's login page; another audience → /acces-refuse.
 * Checked on the server for every page and action, never only in the proxy.
 */
export async function requireAudience<A extends Audience>(audience: A): Promise<ActorOf[A]> {
  const current = await currentActor();
  if (!current) redirect(LOGIN_PAGE[audience]);
  if (current.audience !== audience) {
    // A refused attempt is traced like any other access (AUD-1).
    await recordAccess(getDb(), { actor: current.actor, action: `space.${audience}.open`, profileId: null, at: new Date(), denied: 'wrong-audience' });
    redirect(`/acces-refuse?espace=${audience}`);
  }
  return current.actor as ActorOf[A];
}
