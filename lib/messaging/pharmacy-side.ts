import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize, type Decision, type ProfileTarget } from '@/lib/access/policy';
import { recordAccess, type TraceMode } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { loadPatientFacts, type PatientFacts } from '@/lib/professional-access/access-state';
import type { Channel } from '@/lib/professional-access/patient-gate';
import { proContext, type ProRelation } from '@/lib/professional-access/rules';

/**
 * MSG-3(b), pharmacist side: the conversations of a pharmacy are read and answered by the professionals
 * whose Pro Santé Connect activity is at its FINESS (PRO-2: they act for that structure,
 * `actor.facility.id` = `FINESS <n°>`). The policy decides (`message.pharmacy`); refusals are traced.
 */

/** The FINESS this professional acts at (PRO-2), or null (a liberal activity without FINESS). */
export const pharmacyFinessOf = (actor: ProfessionalActor): string | null => /^FINESS (\S+)$/.exec(actor.facility?.id ?? '')?.[1] ?? null;

const NO_RELATION: Omit<ProRelation, 'blocked'> = { authorisation: null, administrateur: false, medecinTraitant: false, emergency: null };

/** The policy's answer for one pharmacy conversation (pure once the facts are loaded). */
export function pharmacyDecision(actor: ProfessionalActor, facts: { profile: ProfileTarget; blocked: boolean }, finess: string): Decision & { mode: TraceMode } {
  const pro = proContext(actor, { ...NO_RELATION, blocked: facts.blocked });
  return { ...authorize(actor, 'message.pharmacy', { profile: facts.profile, pro: { ...pro, matrixAllows: false }, pharmacy: { finess } }), mode: pro.mode };
}

export type PharmacyConversationRow = {
  id: string; profile_id: string; pharmacy_finess: string; pharmacy_name: string; pharmacy_city: string; subject: string; closed_at: Date | null;
};

/**
 * The gate of every pharmacist use case on one conversation: a pharmacy conversation this professional's
 * FINESS may open, or NotFoundError — for an unknown id (traced on the global chain) and for another
 * pharmacy's (traced as a refusal on the patient's chain: no existence leak). A blocked professional
 * (PRO-6) or an unavailable profile is AccessDeniedError, traced.
 */
export async function ensurePharmacyConversation(db: Db, actor: ProfessionalActor, conversationId: string, traceAction: string, now: Date,
  channel: Channel): Promise<{ conversation: PharmacyConversationRow; facts: PatientFacts; mode: TraceMode }> {
  const target = { type: 'conversation', id: conversationId.slice(0, 64) };
  const row = /^[0-9a-f-]{36}$/i.test(conversationId)
    ? await db.selectFrom('conversations as c').innerJoin('pharmacies as ph', 'ph.finess', 'c.pharmacy_finess')
      .select(['c.id', 'c.profile_id', 'c.pharmacy_finess', 'ph.name as pharmacy_name', 'ph.city as pharmacy_city', 'c.subject', 'c.closed_at'])
      .where('c.id', '=', conversationId).$narrowType<{ pharmacy_finess: string }>().executeTakeFirst()
    : undefined;
  const facts = row ? await loadPatientFacts(db, actor, row.profile_id, now) : undefined;
  if (!row || !facts) {
    await recordAccess(db, { actor, action: traceAction, profileId: null, target, denied: 'no-target', at: now, channel });
    throw new NotFoundError('Conversation');
  }
  const decision = pharmacyDecision(actor, { profile: facts.profile, blocked: facts.relation.blocked }, row.pharmacy_finess);
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: row.profile_id, target, decision, mode: decision.mode, at: now, channel });
    if (decision.code === 'pro-other-pharmacy') throw new NotFoundError('Conversation');
    throw new AccessDeniedError(decision.reason);
  }
  return { conversation: row, facts, mode: decision.mode };
}
