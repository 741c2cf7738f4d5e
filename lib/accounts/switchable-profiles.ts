import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { listAccessibleProfiles } from './accessible-profiles';

/** The profiles a patient-side page can switch between, labelled for a select ("Moi", or the child's name). */
export async function switchableProfiles(db: Db, actor: PatientActor) {
  const profiles = await listAccessibleProfiles(db, actor);
  return profiles.filter((p) => p.relation !== 'HOLDER' || p.state === 'ACTIVE')
    .map((p) => ({ id: p.id, firstName: p.firstName, label: p.relation === 'HOLDER' ? `Moi (${p.firstName} ${p.birthName})` : `${p.firstName} ${p.birthName}` }));
}
