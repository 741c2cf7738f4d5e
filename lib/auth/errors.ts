import { DomainError } from '@/lib/errors';

/** Typed errors of login, OTP and activation; each carries the French text the user reads. */
export class BadCredentialsError extends DomainError {
  constructor() { super('login.bad-credentials', 'Identifiant ou mot de passe incorrect.', 'password'); }
}
export class LoginLockedError extends DomainError {
  constructor(message: string) { super('login.locked', message, 'password'); }
}
export class ProfileNotAvailableError extends DomainError {
  /** ACC-3: what the holder of a profile in this state can still do, said plainly. */
  constructor(state?: string | null, suspensionDeadline?: string | null) {
    super('login.profile-unavailable', state === 'SUSPENDED'
      ? `Votre profil est suspendu par l’Assurance Maladie. Pour contester cette suspension${suspensionDeadline ? ` avant le ${suspensionDeadline.split('-').reverse().join('/')}` : ''}, appelez le 3422 ou écrivez à votre caisse.`
      : state === 'CLOSED' || state === 'DELETION_REQUESTED'
        ? 'Votre profil est fermé. Pour le rouvrir, demandez un nouveau code provisoire (« Recevoir un nouveau code ») puis activez-le à nouveau.'
        : 'Votre profil n’est pas accessible en ligne dans son état actuel. Contactez le 3422.');
  }
}
export class WrongPortalError extends DomainError {
  constructor() { super('login.wrong-portal', "Ce compte n’a pas accès à cet espace.", 'identifiant'); }
}
export class OtpError extends DomainError {
  constructor(code: 'otp.wrong' | 'otp.expired' | 'otp.used' | 'otp.void' | 'otp.unknown', message: string) {
    super(code, message, 'otp');
  }
}
export class OtpRateLimitedError extends DomainError {
  // On the code page it belongs to the code field; the password page (no such field) passes none.
  constructor(message: string, field: string | undefined = 'otp') { super('otp.rate-limited', message, field); }
}
export class ActivationRefusedError extends DomainError {
  constructor(code: string, message: string, field?: string) { super(code, message, field); }
}
export const ACTIVATION_MISMATCH_FR =
  'Les informations saisies ne permettent pas d’activer un profil. Vérifiez votre numéro de sécurité sociale, ' +
  'le numéro de série de votre carte Vitale, votre date de naissance et votre code provisoire.';
