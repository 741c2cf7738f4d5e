import { DomainError } from '@/lib/errors';

/**
 * Why a call to the professional API is refused, for the FHIR routes to answer with: `status` (401 or
 * 403; 503 only when Pro Santé Connect cannot be reached), a stable machine `code` in French (`jeton-expire`...), a French `message`, and for 401 the
 * `WWW-Authenticate` challenge (RFC 6750) to send with it.
 */
export type ApiAuthErrorCode =
  | 'jeton-absent'                 // no `Authorization: Bearer`
  | 'jeton-invalide'               // not ours, tampered with, wrong audience or scope
  | 'jeton-expire'                 // past its `exp`
  | 'logiciel-revoque'             // the software was revoked (or deleted) since the token was issued
  | 'identite-absente'             // neither X-PSC-Token nor X-Facility-User
  | 'identites-multiples'          // both at once: the caller must say who acts
  | 'jeton-psc-invalide'           // X-PSC-Token: bad signature, issuer, audience, or incomplete identity
  | 'jeton-psc-expire'             // X-PSC-Token past its `exp`
  | 'utilisateur-etablissement-invalide' // X-Facility-User malformed
  | 'logiciel-sans-etablissement'  // X-Facility-User from software registered without a facility (PRO-2)
  | 'psc-indisponible';            // 503: the Pro Santé Connect keys cannot be fetched (not the caller's fault)

const REALM = 'mon-espace-sante';

export class ApiAuthError extends DomainError {
  declare readonly code: ApiAuthErrorCode;
  readonly status: 401 | 403 | 503;
  /** The `WWW-Authenticate` value for a 401; null otherwise. */
  readonly wwwAuthenticate: string | null;
  constructor(code: ApiAuthErrorCode, message: string, status: 401 | 403 | 503 = 401) {
    super(code, message);
    this.status = status;
    const bearerProblem = code === 'jeton-invalide' || code === 'jeton-expire' || code === 'logiciel-revoque';
    // RFC 6750 §3.1: no error code when the request carried no token at all.
    this.wwwAuthenticate = status !== 401 ? null : `Bearer realm="${REALM}"${bearerProblem ? ', error="invalid_token"' : ''}`;
  }
}

/** Token endpoint (RFC 6749 §5.2 `invalid_client`): unknown id, wrong secret or revoked software, told apart nowhere. */
export class InvalidClientError extends DomainError {
  constructor() {
    super('api-client.invalid-client', 'Identifiant ou secret du logiciel incorrect.');
  }
}
