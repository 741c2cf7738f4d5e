import { DomainError } from '@/lib/errors';

/** FS-2: the carte Vitale matches no profile; one message whatever did not match (no hint for guessing). */
export class VisitIdentityError extends DomainError {
  constructor() {
    super('visit.identity', 'Les informations de la carte Vitale ne correspondent à aucun profil Mon espace santé. Vérifiez le numéro de sécurité sociale, le numéro de série de la carte et la date de naissance.');
  }
}

/** FS-2: an advisor acts only within an active visit. */
export class NoActiveVisitError extends DomainError {
  constructor() {
    super('visit.none', 'Aucun accompagnement n’est en cours. Commencez par saisir les informations de la carte Vitale de la personne, en sa présence.');
  }
}

/** FS-2: 60 minutes at most. */
export class VisitExpiredError extends DomainError {
  constructor() {
    super('visit.expired', 'L’accompagnement a pris fin : il dure 60 minutes au plus. Pour continuer, commencez un nouvel accompagnement avec la carte Vitale de la personne, en sa présence.');
  }
}

/** FS-2: one visit at a time per advisor. */
export class VisitAlreadyOpenError extends DomainError {
  constructor() {
    super('visit.open', 'Un accompagnement est déjà en cours : terminez-le avant d’en commencer un autre.');
  }
}
