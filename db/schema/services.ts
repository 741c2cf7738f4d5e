import type { Generated } from 'kysely';
import type { ServiceStatus } from '@/lib/services/status';
import type { Timestamp, CreatedAt } from './columns';

// Connected services and the matrice d’habilitation (CAT, MEA-8, PRO-9).

/** CAT-1, CAT-2: a State-referenced service; its secret is stored as an argon2 hash. */
export interface ConnectedServicesTable {
  id: Generated<string>;
  name: string;
  description: string;
  status: Generated<ServiceStatus>;
  client_id: string;
  client_secret_hash: string;
  created_at: CreatedAt;
}

/** CAT-3: one purpose (finalité) of a service, mandatory or optional. */
export interface ServicePurposesTable {
  service_id: string;
  code: string;
  label: string;
  mandatory: boolean;
  position: Generated<number>;
}

/** CAT-3, CAT-5: a profile's consent to one purpose of a service; live while `revoked_at` is null. */
export interface ServiceConsentsTable {
  id: Generated<string>;
  profile_id: string;
  service_id: string;
  purpose: string;
  granted_at: Timestamp;
  granted_by_account: string | null;
  revoked_at: Timestamp | null;
}

/** MEA-8: a service call answered once per Idempotency-Key. */
export interface ServicePushRequestsTable {
  service_id: string;
  idempotency_key: string;
  profile_id: string;
  request_hash: string;
  stored: number;
  created_at: Timestamp;
}

/** PRO-9, BO-7: one version of the matrice d'habilitation; append-only (a trigger refuses changes). */
export interface MatrixVersionsTable {
  id: Generated<string>;
  number: number;
  effective_from: Timestamp;
  note: string;
  /** The supervisor who published it; null for the seeded default. */
  created_by: string | null;
  created_at: CreatedAt;
}

/** PRO-9: one row of a version: (profession, specialty?, type code | category) → ALLOW | DENY. */
export interface MatrixRulesTable {
  version_id: string;
  profession_code: string;
  specialty: string | null;
  target_kind: 'TYPE' | 'CATEGORY';
  target_code: string;
  decision: 'ALLOW' | 'DENY';
}
