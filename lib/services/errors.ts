import { DomainError } from '@/lib/errors';

/** CAT-2: the service is not EN_LIGNE; it exchanges no data. */
export class ServiceUnavailableError extends DomainError {
  constructor() {
    super('service.unavailable', 'Ce service n’est pas disponible pour le moment : il n’échange pas de données avec Mon espace santé.');
  }
}

/**
 * MEA-8, CAT-8: no live consent for the purpose. Also the answer for an unknown or unavailable profile,
 * so a service never learns whether a profile exists.
 */
export class ConsentNotGivenError extends DomainError {
  constructor() {
    super('service.consent-not-given', 'Le titulaire n’a pas donné son accord à ce service pour cette finalité.');
  }
}

export type PushItemError = { index: number; field: string; message: string };

/** MEA-1, MEA-2: at least one pushed value breaks a rule; nothing was stored. */
export class PushValidationError extends DomainError {
  constructor(readonly items: readonly PushItemError[]) {
    super('measure.invalid', items[0]?.message ?? 'Mesures invalides.');
  }
}

/** The same Idempotency-Key came back with a different request. */
export class IdempotencyConflictError extends DomainError {
  constructor() {
    super('service.idempotency-conflict', 'Cette clé d’idempotence a déjà servi pour une autre requête.');
  }
}
