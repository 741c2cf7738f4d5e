import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { AccessEvent } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { patientDocumentScope, patientRole } from '@/lib/access/document-access';
import { authorize, type Target } from '@/lib/access/policy';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { HISTORY_TABS, periodBounds, type HistoryFilters } from './history-filters';
import { recordAccess, type TraceInput } from './record-access';

/** One line of the history: the trace, the France Services site's name (FS-5) and a document title the reader may see. */
export type HistoryRow = AccessEvent & { site_name: string | null; document_title: string | null };

/** What a reader may see of one profile's traces, resolved once per request by `openHistory`. */
export type HistoryScope = {
  profileId: string;
  actorTypes: readonly string[] | null;
  fromAt?: Date;
  toAt?: Date;
  /** AUD-7: ids of documents hidden from this reader, whose deposit trace is held back. */
  heldBack: string[];
  /** VIS-9, VIS-14: document titles are shown to the patient side only, never for hidden documents. */
  titles: 'HOLDER' | 'OTHER' | false;
};

/**
 * AUD-6: the reader must pass the policy on the profile's history; a refusal is traced as `traceAction`
 * (a read or an export) and thrown. Returns the profile's name and the reader's scope for `filters`.
 */
export async function openHistory(db: Db, actor: Actor, profileId: string, filters: HistoryFilters, traceAction: string, now: Date,
  pro?: Target['pro'], channel?: TraceInput['channel']) {
  const profile = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.first_names', 'profiles.birth_name', 'accounts.id as holder'])
    .where('profiles.id', '=', profileId).executeTakeFirst();
  if (!profile) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.history.read', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder }, pro });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: profile.id, decision, at: now, channel });
    throw new AccessDeniedError(decision.reason);
  }
  const role = actor.kind === 'PATIENT' ? patientRole(actor, profile.id) : null;
  const heldBack = role ? await hiddenDocumentIds(db, profile.id, patientDocumentScope(role).hideInvisibleRepresentatives) : [];
  const scope: HistoryScope = {
    profileId: profile.id, actorTypes: HISTORY_TABS[filters.tab].actorTypes, ...periodBounds(filters), heldBack,
    titles: role === 'HOLDER' ? 'HOLDER' : role ? 'OTHER' : false,
  };
  return { profile: { id: profile.id, name: `${profile.first_names.split(' ')[0]} ${profile.birth_name}` }, scope };
}

/** Usually none: documents of the profile this reader may not see yet (VIS-9 invisible to the patient, VIS-14). */
async function hiddenDocumentIds(db: Db, profileId: string, alsoRepresentatives: boolean): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('id').where('profile_id', '=', profileId).where('status', '=', 'ACTIVE')
    .where((eb) => (alsoRepresentatives ? eb.or([eb('invisible_patient', '=', true), eb('invisible_representants_legaux', '=', true)]) : eb('invisible_patient', '=', true)))
    .execute();
  return rows.map((r) => r.id);
}

export type Cursor = { before?: string; after?: string };

/**
 * Up to `limit` traces of the scope past the cursor, newest first (`after`: the ones just newer, still
 * returned newest first). Keyset by id, never OFFSET: the ids come from an index-only scan of
 * (profile_id, id desc) including actor_type and at, whatever the filters (migration 202611291630);
 * only the rows of the page are then read, with their site and document.
 */
export async function historyBatch(db: Db, scope: HistoryScope, cursor: Cursor, limit: number): Promise<HistoryRow[]> {
  const ascending = !!cursor.after;
  let ids = db.selectFrom('access_events').select('id').where('profile_id', '=', scope.profileId);
  if (scope.actorTypes) ids = ids.where('actor_type', 'in', [...scope.actorTypes]);
  if (scope.fromAt) ids = ids.where('at', '>=', scope.fromAt);
  if (scope.toAt) ids = ids.where('at', '<', scope.toAt);
  if (scope.heldBack.length) ids = ids.where(sql<boolean>`not (action in ('document.add', 'document.deposit', 'document.replace') and coalesce(target_id, '') = any(${scope.heldBack}::text[]))`);
  if (cursor.after) ids = ids.where('id', '>', cursor.after);
  else if (cursor.before) ids = ids.where('id', '<', cursor.before);
  ids = ids.orderBy('id', ascending ? 'asc' : 'desc').limit(limit);

  const holder = scope.titles === 'HOLDER';
  const title = scope.titles
    ? sql<string | null>`case when d.status = 'ACTIVE' and not d.invisible_patient and (${holder} or not d.invisible_representants_legaux) then d.title end`
    : sql<string | null>`null::text`;
  const rows = await db.selectFrom('access_events as e')
    .leftJoin('france_services_sites as s', 's.id', 'e.site_id')
    // A target id is free text: only a well-formed uuid is looked up (a bad cast would fail the whole page).
    .leftJoin('documents as d', (join) => join.onRef('d.profile_id', '=', 'e.profile_id')
      .on(sql<boolean>`d.id = case when e.target_type = 'document' and e.target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then e.target_id::uuid end`))
    .selectAll('e').select(['s.name as site_name', title.as('document_title')])
    .where('e.id', 'in', ids).orderBy('e.id', 'desc').execute();
  return rows;
}
