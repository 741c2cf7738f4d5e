import { sql, type SqlBool } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { patientRole } from '@/lib/access/document-access';
import type { Action } from '@/lib/access/policy';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { NotFoundError } from '@/lib/errors';
import { writtenByLabel, type Counterpart } from './rules';

/** Shared by the patient-side use cases: the gate (policy + traced refusal) and the labels of MSG-9. */
export async function ensurePatientSide(db: Db, actor: Actor, action: Extract<Action, 'message.read' | 'message.write'>, profileId: string,
  traceAction: string, now: Date) {
  const profile = await ensureOnProfile(db, actor, action, profileId, traceAction, now);
  const names = await db.selectFrom('profiles').select(['first_names', 'birth_name']).where('id', '=', profileId).executeTakeFirstOrThrow();
  const profileName = `${names.first_names.split(' ')[0] ?? ''} ${names.birth_name}`.trim();
  const role = actor.kind === 'PATIENT' ? patientRole(actor, profileId) : null;
  const writer = actor.kind === 'PATIENT' ? actor.name : '';
  return {
    profile, profileName,
    /** MSG-9: the author is the profile's person; a representative or an aidant is named as the writer. */
    authorLabel: profileName,
    writtenBy: role ? writtenByLabel(role, writer, profileName) : null,
    accountId: actor.kind === 'PATIENT' ? actor.accountId : null,
  };
}

/** The professional's label as patients read it ("Dr"-less: given family, profession). */
export const proLabelSql = sql<string>`(pr.given_name || ' ' || pr.family_name || ', ' || pr.profession_label)`;

/** MSG-2: an organisation's name as patients read it. */
export const ORGANISATION_LABELS = { ASSURANCE_MALADIE: 'Assurance Maladie' } as const;


/**
 * The other side's label as patients read it: the professional, the pharmacy with its city (MSG-3(b)),
 * or the organisation (« Assurance Maladie »). Needs `c` (conversations) left-joined to `pr`
 * (professionals) and `ph` (pharmacies), see `withCounterparts`.
 */
export const counterpartLabelSql = sql<string>`(case
  when c.sender_organisation = 'ASSURANCE_MALADIE' then ${ORGANISATION_LABELS.ASSURANCE_MALADIE}
  when c.pharmacy_finess is not null then ph.name || ' (' || ph.city || ')'
  else ${proLabelSql} end)`;
export const counterpartSql = sql<Counterpart>`(case when c.sender_organisation is not null then 'ORGANISATION'
  when c.pharmacy_finess is not null then 'PHARMACY' else 'PROFESSIONAL' end)`;

/**
 * What the patient side sees of a conversation: delivered messages (never HELD ones, MSG-12) written
 * after the patient deleted it, if they did (MSG-5: a new PS message brings it back, without the past).
 * `m` is the messages alias, `c` the conversations alias.
 */
export const VISIBLE_MESSAGE = sql<SqlBool>`m.status = 'DELIVERED' and m.created_at > coalesce(c.deleted_by_patient_at, '-infinity'::timestamptz)`;
/** A message from the other side (PS, pharmacist, organisation) the patient has not read yet. */
export const UNREAD_MESSAGE = sql<SqlBool>`m.author_kind <> 'PATIENT' and m.created_at > coalesce(c.patient_read_at, '-infinity'::timestamptz)`;

/** One conversation of this profile, or NotFoundError (no leak of another profile's ids). */
export async function conversationOf(db: Db, profileId: string, conversationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) throw new NotFoundError('Conversation');
  const row = await db.selectFrom('conversations as c').leftJoin('professionals as pr', 'pr.id', 'c.professional_id')
    .leftJoin('pharmacies as ph', 'ph.finess', 'c.pharmacy_finess')
    .select(['c.id', 'c.profile_id', 'c.professional_id', 'c.pharmacy_finess', 'c.subject', 'c.opened_at', 'c.closed_at', 'c.last_message_at',
      'c.patient_read_at', 'c.deleted_by_patient_at', 'pr.inactive_since'])
    .select(counterpartLabelSql.as('professional_label')).select(counterpartSql.as('counterpart'))
    .where('c.id', '=', conversationId).where('c.profile_id', '=', profileId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Conversation');
  return row;
}
