import type { ProfileState } from '@/lib/accounts/lifecycle';
import type { Actor } from './actor';

/**
 * THE access policy (DESIGN.md "One access policy"): default deny. Every page, action, API and job
 * asks `authorize`; nothing else in the code decides who may do what.
 */
export type Action =
  | 'profile.view'            // the patient's dashboard for a profile
  | 'profile.history.read'    // Historique d'activité (AUD-4, AUD-6)
  | 'profile.medical.read'    // any medical content (documents, profil médical...)
  | 'profile.create'          // a CNAM agent creates a beneficiary (BO-4)
  | 'profile.admin.read'      // civil status and lifecycle state, never medical content (BO)
  | 'profile.code.reissue'    // BO-3: a new code provisoire
  | 'profile.oppose.record'   // BO-2: an opposition received by phone, letter or email
  | 'profile.oppose.withdraw' // OPP-9: the person asks for a space after all
  | 'profile.representatives.share'   // REP-3: a representative invites the second parent or a tutor
  | 'profile.representatives.admin'   // BO-5: staff grant (REP-4, REP-10) or revoke (REP-6) a representative
  | 'profile.close'                   // CLO-1: the holder or a representative, on the web
  | 'profile.close.record'            // CLO-2, BO-2, BO-6: closure, death, suspension handled by an agent
  | 'backoffice.access'
  | 'backoffice.mailbox.read' // demo mailbox (no SMTP configured)
  | 'backoffice.jobs.retry'   // BO-9
  | 'population.import'       // BO-1: load the insured population
  | 'campaign.read'           // BO-1: campaigns, progress, statistics
  | 'campaign.manage'         // BO-1: create, schedule, start, pause, resume, cancel, retry, letters
  | 'advisor.access'
  | 'pro.access';

export type ProfileTarget = { id: string; state: ProfileState; holderAccountId: string | null };
export type Target = { profile?: ProfileTarget };

export type Decision = { allowed: true } | { allowed: false; code: DenyCode; reason: string };

export type DenyCode =
  | 'default-deny' | 'wrong-audience' | 'not-holder' | 'profile-unavailable' | 'advisor-no-medical'
  | 'staff-no-medical' | 'no-target';

const REASONS: Record<DenyCode, string> = {
  'default-deny': "cette action n’est pas autorisée.",
  'wrong-audience': "cet espace n’est pas accessible avec votre compte.",
  'not-holder': "vous n’êtes ni titulaire ni représentant légal de ce profil.",
  'profile-unavailable': "ce profil n’est pas accessible dans son état actuel.",
  'advisor-no-medical': "les conseillers France Services n’accèdent jamais au contenu médical (FS-4).",
  'staff-no-medical': "les agents de l’Assurance Maladie n’accèdent pas au contenu médical (BO).",
  'no-target': 'profil introuvable.',
};

const deny = (code: DenyCode): Decision => ({ allowed: false, code, reason: REASONS[code] });
const ALLOW: Decision = { allowed: true };

/** ACC-3: patient-side use of a profile needs it ACTIVE (activation and re-opening use their own flows). */
const PATIENT_SIDE_STATES: readonly ProfileState[] = ['ACTIVE'];
/** ACC-3/ACC-4: professionals read and deposit in CREATED, ACTIVE and SUSPENDED profiles. */
const PRO_STATES: readonly ProfileState[] = ['CREATED', 'ACTIVE', 'SUSPENDED'];

function patientReaches(actor: Extract<Actor, { kind: 'PATIENT' }>, profile: ProfileTarget): Decision {
  const isHolder = actor.ownProfileId === profile.id;
  const represents = actor.representedProfileIds.includes(profile.id); // REP-1, REP-5
  if (!isHolder && !represents) return deny('not-holder');
  // A represented child profile may still be CREATED (REP-2 activates it later); the holder's must be ACTIVE.
  const states: readonly ProfileState[] = isHolder ? PATIENT_SIDE_STATES : ['CREATED', 'ACTIVE'];
  return states.includes(profile.state) ? ALLOW : deny('profile-unavailable');
}

export function authorize(actor: Actor, action: Action, target: Target = {}): Decision {
  switch (action) {
    case 'profile.representatives.share':
      if (!target.profile) return deny('no-target');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      // REP-5: a representative shares a child's profile; the holder of an adult profile does not use this.
      if (!actor.representedProfileIds.includes(target.profile.id)) return deny('not-holder');
      return patientReaches(actor, target.profile);
    case 'profile.close':
      if (!target.profile) return deny('no-target');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile);
    case 'profile.view':
    case 'profile.history.read':
    case 'profile.medical.read': {
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'PATIENT') return patientReaches(actor, target.profile);
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      if (actor.kind === 'PROFESSIONAL' && action === 'profile.medical.read') {
        return PRO_STATES.includes(target.profile.state) ? ALLOW : deny('profile-unavailable');
      }
      return deny('default-deny');
    }
    case 'profile.admin.read':
    case 'profile.code.reissue':
    case 'profile.oppose.record':
    case 'profile.oppose.withdraw':
    case 'profile.representatives.admin':
    case 'profile.close.record':
      if (!target.profile) return deny('no-target');
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'profile.create':
    case 'backoffice.access':
    case 'backoffice.mailbox.read':
    case 'backoffice.jobs.retry':
    case 'population.import':
    case 'campaign.read':
    case 'campaign.manage':
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'advisor.access':
      return actor.kind === 'ADVISOR' ? ALLOW : deny('wrong-audience');
    case 'pro.access':
      return actor.kind === 'PROFESSIONAL' ? ALLOW : deny('wrong-audience');
    default:
      return deny('default-deny');
  }
}
