import { fhirJson, fhirRoute } from '@/lib/fhir/http';
import { toPatient } from '@/lib/fhir/patient';
import { openPatientRecord } from '@/lib/professional-access/patient-record';
import { authorisationStatus } from '@/lib/professional-access/rules';

/**
 * GET Patient/{id}: the record's identity for a professional the gate lets in (PRO-3..6, PRO-12,
 * emergency grant); 403 refused (traced), 404 unknown (traced). The matricule is not repeated: the
 * software found this id by the INS (openPatientRecord gives the traits, not the matricule).
 */
export const GET = fhirRoute<{ id: string }>(async ({ params, db, now, call }) => {
  const access = await openPatientRecord(db, call.actor, params.id, now, 'API');
  const p = access.profile;
  return fhirJson(toPatient({ profileId: p.id, birthName: p.birthName, firstNames: p.firstNames, birthDate: p.birthDate, sex: p.sex, birthPlace: p.birthPlace }, {
    state: p.state, available: true, closed: null, authorisation: authorisationStatus(call.actor, access.relation),
    medecinTraitant: access.relation.medecinTraitant, emergencyUntil: access.relation.emergency?.expiresAt ?? null,
  }));
});
