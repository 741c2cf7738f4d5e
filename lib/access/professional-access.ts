import type { ProfessionalActor } from './actor';
import type { PrivacySettings, ProContext } from './document-access';

/**
 * The professional part of the access policy on a profile as a whole (PRO-3..8, PRO-12, PRO-13, EMG-1..4,
 * VIS-9). Pure: `authorize` in policy.ts calls it; documents and Mon histoire de santé have their own parts.
 */
export type ProfessionalProfileOperation =
  | 'check'       // PRO-3: the access check by INS (no medical data)
  | 'authorise'   // PRO-4, PRO-5: record consent or the care-team attestation
  | 'open'        // read the record (lists, sections), in NORMAL or emergency mode
  | 'emergency'   // EMG-2, EMG-3: start an emergency access
  | 'deposit'     // PRO-8, DOC-11, DOC-12: deposit (or replace) a document
  | 'message';    // MSG-2, PRO-6: write in the Messagerie citoyenne (as deposit: authorised, NORMAL mode, not blocked)

export type ProfessionalProfileDenyCode =
  | 'pro-blocked' | 'pro-not-authorised' | 'pro-emergency-off' | 'pro-read-only' | 'pro-occupational-no-emergency'
  | 'pro-not-regulation';

/** The reasons of the codes only this part gives (the others are in document-access.ts). */
export const PROFESSIONAL_REASONS: Record<'pro-read-only' | 'pro-occupational-no-emergency' | 'pro-not-regulation', string> = {
  'pro-read-only': 'un accès en urgence permet seulement de consulter : il ne permet pas d’ajouter un document (EMG-2).',
  'pro-occupational-no-emergency': 'un médecin du travail n’a pas d’accès en urgence : il lui faut l’accord exprès du titulaire (PRO-13).',
  'pro-not-regulation': 'le mode régulation est réservé aux professionnels d’un centre de régulation du SAMU (EMG-3).',
};

/** What `emergency` asks for: the mode, and whether this professional is a médecin du travail (PRO-13). */
export type EmergencyRequest = { mode: 'EMERGENCY' | 'REGULATION'; occupational: boolean };

export function professionalProfileDecision(actor: ProfessionalActor, op: ProfessionalProfileOperation,
  pro: Omit<ProContext, 'matrixAllows'>, privacy: PrivacySettings, emergency?: EmergencyRequest): ProfessionalProfileDenyCode | null {
  if (op === 'check') return null; // PRO-3: anyone signed in with Pro Santé Connect; the answer carries no medical data
  if (pro.blocked) return 'pro-blocked'; // PRO-6: never, not even in an emergency
  switch (op) {
    case 'authorise':
      return null;
    case 'open':
      if (pro.mode === 'NORMAL') return pro.authorised ? null : 'pro-not-authorised';
      // EMG-1: the holder's toggles apply to every read of a running grant, not only to its start.
      return (pro.mode === 'REGULATION' ? privacy.emergencyRegulation : privacy.emergencyOther) ? null : 'pro-emergency-off';
    case 'emergency': {
      if (!emergency) return 'pro-not-authorised';
      if (emergency.occupational) return 'pro-occupational-no-emergency'; // PRO-13
      if (emergency.mode === 'REGULATION' && !actor.regulationCentre) return 'pro-not-regulation'; // EMG-3
      return (emergency.mode === 'REGULATION' ? privacy.emergencyRegulation : privacy.emergencyOther) ? null : 'pro-emergency-off'; // EMG-1
    }
    case 'deposit':
    case 'message':
      if (pro.authorised) return null; // PRO-8
      return pro.mode === 'NORMAL' ? 'pro-not-authorised' : 'pro-read-only'; // EMG-2: read-only
  }
}
