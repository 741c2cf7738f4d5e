import { DomainError } from '@/lib/errors';
import { LINK_MESSAGES_FR, type LinkState } from './advisor-rules';

/** FS-1: refusals of advisor account management, each with the French text the user reads. */
export class AdvisorEmailTakenError extends DomainError {
  constructor() {
    super('advisor.email-taken', 'Un compte utilise déjà cette adresse électronique : chaque conseiller a son propre compte, à son adresse professionnelle.', 'email');
  }
}
export class UnknownSiteError extends DomainError {
  constructor() { super('advisor.unknown-site', 'Choisissez un espace France Services de la liste.', 'siteId'); }
}
export class AdvisorStateError extends DomainError {
  constructor(code: 'advisor.already-deactivated' | 'advisor.not-deactivated' | 'advisor.deactivated', message: string) { super(code, message); }
}
export class PasswordLinkError extends DomainError {
  readonly state: Exclude<LinkState, 'usable'> | 'unknown';
  constructor(state: Exclude<LinkState, 'usable'> | 'unknown') {
    super(`advisor.link-${state}`, LINK_MESSAGES_FR[state]);
    this.state = state;
  }
}
