/**
 * Domain errors: typed in code, each carrying the French message shown to the user.
 * Server actions map any DomainError to its `message`; anything else is an unexpected error.
 */
export class DomainError extends Error {
  /** Stable machine code, e.g. `nir.invalid-key`; tests and logs use it, users see `message`. */
  readonly code: string;
  /** Optional form field the error belongs to, so the UI can tie it with aria-describedby. */
  readonly field?: string;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.field = field;
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'Élément') {
    super('not-found', `${what} introuvable.`);
  }
}

export class AccessDeniedError extends DomainError {
  constructor(reason: string) {
    super('access.denied', `Accès refusé : ${reason}`);
  }
}

export class ValidationError extends DomainError {}
