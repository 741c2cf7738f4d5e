import { z } from 'zod';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { recordAccess } from '@/lib/audit/record-access';
import { frenchDateToIso } from '@/lib/identity/dates';
import { parseNir } from '@/lib/identity/nir';
import { AccessDeniedError, DomainError } from '@/lib/errors';
import { loadPatientFacts, type PatientFacts } from './access-state';
import { insMismatches, normalizeMatricule, TRAIT_LABELS, type InsTraits } from './ins';
import type { Channel } from './patient-gate';
import { authorisationStatus, type Authorisation, type AuthorisationStatus } from './rules';

/** ID-8: an identity that does not match the INS, refused and traced (the message names no stored value). */
export class InsMismatchError extends DomainError {
  constructor(readonly traits: string[]) {
    super('ins.mismatch', `L’identité saisie ne correspond pas à l’INS de ce patient (${traits.join(', ')}). Vérifiez les traits d’identité de la carte ou du téléservice INSi.`);
  }
}
export class InsUnknownError extends DomainError {
  constructor() {
    super('ins.unknown', 'Aucun profil Mon espace santé ne correspond à ce matricule INS.');
  }
}

/** ID-6: the matricule INS (NIR or NIA, with its key) and the five traits, with French messages per field. */
export const insQuerySchema = z.object({
  matricule: z.string().trim().min(1, 'Saisissez le matricule INS (15 caractères).').transform((v, ctx) => {
    try { return parseNir(v).nir; } catch (e) { ctx.addIssue({ code: 'custom', message: (e as Error).message }); return z.NEVER; }
  }),
  birthName: z.string().trim().min(1, 'Saisissez le nom de naissance.').max(100),
  firstNames: z.string().trim().min(1, 'Saisissez les prénoms de naissance, séparés par des espaces.').max(200),
  birthDate: z.string().trim().transform((v, ctx) => {
    const iso = frenchDateToIso(v);
    if (!iso) { ctx.addIssue({ code: 'custom', message: 'Saisissez une date de naissance valide au format JJ/MM/AAAA.' }); return z.NEVER; }
    return iso;
  }),
  sex: z.coerce.number().refine((v) => v === 1 || v === 2, 'Choisissez le sexe : masculin ou féminin.'),
  birthPlace: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/i, 'Saisissez le code INSEE du lieu de naissance (5 caractères, par exemple 75056 ; 99xxx pour un pays).'),
});

/** States answered as "attached" to Mon espace santé (PRO-12: readable and feedable). */
const READABLE: readonly ProfileState[] = ['CREATED', 'ACTIVE', 'SUSPENDED'];

export type AccessCheck = {
  profileId: string;
  state: ProfileState;
  /** PRO-12: readable and feedable (CREATED, ACTIVE, SUSPENDED); otherwise "not available". */
  available: boolean;
  closed: { at: Date | null; reason: string | null } | null;
  authorisation: AuthorisationStatus;
  authorisationDetail: Authorisation | null;
  medecinTraitant: boolean;
  /** A running emergency grant for this professional. */
  emergencyUntil: Date | null;
  kind: 'ADULT' | 'CHILD';
};

/**
 * PRO-3 (DMP TD0.2): the access check, by INS only (ID-6..8: matricule + five traits; never a name
 * search). Answers existence, state (closed with date and reason), attachment, this professional's
 * authorisation and whether they are médecin traitant — no medical data. Traced on the profile's chain;
 * an unknown INS on the global chain; a trait mismatch is refused and traced (ID-8).
 */
export async function checkAccess(db: Db, actor: ProfessionalActor, ins: InsTraits, now: Date, channel: Channel): Promise<AccessCheck> {
  const facts = await findByIns(db, actor, ins, now, channel, 'patient.check');
  const p = facts.profile;
  await recordAccess(db, { actor, action: 'patient.check', profileId: p.id, at: now, channel });
  const closedStates: readonly ProfileState[] = ['CLOSED', 'DELETION_REQUESTED', 'PURGED'];
  return {
    profileId: p.id, state: p.state, available: READABLE.includes(p.state), kind: p.kind,
    closed: closedStates.includes(p.state) ? { at: p.closedAt, reason: p.closureReason } : null,
    authorisation: authorisationStatus(actor, facts.relation), authorisationDetail: facts.relation.authorisation,
    medecinTraitant: facts.relation.medecinTraitant,
    emergencyUntil: facts.relation.emergency?.expiresAt ?? null,
  };
}

/**
 * ID-6..8: the profile of an INS, for a professional. An unknown matricule is traced on the global chain,
 * a trait mismatch on the profile's (refused, ID-8); `traceAction` names what the INS was given for.
 */
export async function findByIns(db: Db, actor: ProfessionalActor, ins: InsTraits, now: Date, channel: Channel, traceAction: string): Promise<PatientFacts> {
  const decision = authorize(actor, 'patient.check');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: null, decision, at: now, channel });
    throw new AccessDeniedError(decision.reason);
  }
  const found = await db.selectFrom('profiles').select('id').where('nir', '=', normalizeMatricule(ins.matricule)).executeTakeFirst();
  const facts = found && await loadPatientFacts(db, actor, found.id, now);
  if (!facts) {
    await recordAccess(db, { actor, action: traceAction, profileId: null, denied: 'ins-unknown', at: now, channel });
    throw new InsUnknownError();
  }
  const p = facts.profile;
  const mismatches = insMismatches({ birthName: p.birthName, firstNames: p.firstNames, birthDate: p.birthDate, sex: p.sex, birthPlace: p.birthPlace }, ins);
  if (mismatches.length) {
    await recordAccess(db, { actor, action: traceAction, profileId: p.id, denied: 'ins-mismatch', at: now, channel });
    throw new InsMismatchError(mismatches.map((t) => TRAIT_LABELS[t]));
  }
  return facts;
}
