import { z } from 'zod';
import type { PasswordContext } from '@/lib/auth/credential-rules';

/**
 * FS-1: pure rules of France Services advisor accounts — the back-office form, the account's state, and the
 * single-use « choisir votre mot de passe » link (valid 72 hours). Unit-tested.
 */

/** FS-1: a set-password link is valid 72 hours from its sending. */
export const PASSWORD_LINK_VALIDITY_MS = 72 * 3600_000;

/**
 * The password_hash of an account with no password (invited, or voided by a reset): not an argon2 hash, so no
 * password ever matches it (the `!` of a locked Unix password).
 */
export const NO_PASSWORD = '!';

export type AdvisorState = 'INVITED' | 'ACTIVE' | 'DEACTIVATED';

export const ADVISOR_STATE_LABELS: Record<AdvisorState, string> = {
  INVITED: 'Invité (mot de passe à choisir)', ACTIVE: 'Actif', DEACTIVATED: 'Désactivé',
};

/** Deactivation wins; otherwise an account without a chosen password is still invited. */
export function advisorState(a: { passwordSetAt: Date | null; deactivatedAt: Date | null }): AdvisorState {
  if (a.deactivatedAt) return 'DEACTIVATED';
  return a.passwordSetAt ? 'ACTIVE' : 'INVITED';
}

export type LinkState = 'usable' | 'expired' | 'used' | 'void';

/** A link is used once, voided by a newer one (or a deactivation), and refused from its expiry instant on. */
export function passwordLinkState(link: { expiresAt: Date; usedAt: Date | null; voidedAt: Date | null }, now: Date): LinkState {
  if (link.usedAt) return 'used';
  if (link.voidedAt) return 'void';
  if (now.getTime() >= link.expiresAt.getTime()) return 'expired';
  return 'usable';
}

export const LINK_MESSAGES_FR: Record<Exclude<LinkState, 'usable'> | 'unknown', string> = {
  expired: 'Ce lien a expiré : il est valable 72 heures. Demandez un nouveau lien à votre référent de l’Assurance Maladie.',
  used: 'Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous avec votre identifiant et votre mot de passe.',
  void: 'Ce lien n’est plus valable : un lien plus récent vous a été envoyé, ou votre compte a été désactivé.',
  unknown: 'Ce lien n’est pas valable. Vérifiez que vous avez copié l’adresse complète reçue par courriel.',
};

/** The link's expiry for a link sent at `now`. */
export const passwordLinkExpiry = (now: Date) => new Date(now.getTime() + PASSWORD_LINK_VALIDITY_MS);

/** The professional email is the advisor's identifiant at login; compared without case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const name = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Ce champ ne peut pas dépasser ${max} caractères.`)
    .regex(/^[\p{L}][\p{L}\p{M}' ’-]*$/u, 'Utilisez seulement des lettres, des espaces, des apostrophes et des tirets.');

/** FS-1: the back-office form « Créer un compte conseiller ». */
export const createAdvisorInput = z.object({
  givenName: name('Saisissez le prénom du conseiller.', 60),
  familyName: name('Saisissez le nom du conseiller.', 60),
  email: z.string({ error: 'Saisissez l’adresse électronique professionnelle du conseiller.' }).trim()
    .min(1, 'Saisissez l’adresse électronique professionnelle du conseiller.')
    .max(254, 'L’adresse électronique ne peut pas dépasser 254 caractères.')
    .pipe(z.email('Saisissez une adresse électronique valide, par exemple prenom.nom@france-services.fr.'))
    .transform(normaliseEmail),
  siteId: z.uuid({ error: 'Choisissez l’espace France Services du conseiller.' }),
});
export type CreateAdvisorInput = z.input<typeof createAdvisorInput>;

/** The name shown in the back-office, the advisor space and the traces: « Prénom NOM ». */
export const advisorDisplayName = (givenName: string, familyName: string) =>
  `${givenName.trim().replace(/\s+/g, ' ')} ${familyName.trim().replace(/\s+/g, ' ').toUpperCase()}`;

/** ACT-8's password rules for an advisor: their names and identifiant (the email) are forbidden in it. */
export function advisorPasswordContext(a: { identifiant: string; displayName: string }): PasswordContext {
  const [first = '', ...rest] = a.displayName.split(' ');
  return { identifiant: a.identifiant, firstNames: first, birthName: rest.join(' '), birthDate: '' };
}

/** The list's keyset cursor: (lower(display_name), id) of the last row shown. */
export type AdvisorCursor = { n: string; id: string };
export const encodeAdvisorCursor = (c: AdvisorCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
export function decodeAdvisorCursor(value: string | undefined): AdvisorCursor | undefined {
  if (!value) return undefined;
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<AdvisorCursor>;
    return typeof c.n === 'string' && typeof c.id === 'string' && isUuid(c.id) ? { n: c.n, id: c.id } : undefined;
  } catch {
    return undefined;
  }
}

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
