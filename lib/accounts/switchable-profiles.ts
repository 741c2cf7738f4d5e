import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { listAccessibleProfiles } from './accessible-profiles';

/**
 * The profiles a patient-side page can switch between, labelled for a select ("Moi", or the child's name).
 * `manage`: a page of sharing or account management (confidentiality, services, data download), which an
 * aidant never uses for the person helped (AID-4): the aidés are left out.
 */
export async function switchableProfiles(db: Db, actor: PatientActor, opts: { manage?: boolean } = {}) {
  const profiles = await listAccessibleProfiles(db, actor);
  return profiles.filter((p) => (p.relation !== 'HOLDER' || p.state === 'ACTIVE') && !(opts.manage && p.relation === 'AIDANT'))
    .map((p) => ({ id: p.id, firstName: p.firstName, label: p.relation === 'HOLDER' ? `Moi (${p.firstName} ${p.birthName})` : `${p.firstName} ${p.birthName}` }));
}
