import { checkAccess, InsUnknownError } from '@/lib/professional-access/check-access';
import { searchset } from './bundle';
import { fhirJson, type FhirContext } from './http';
import { parsePatientSearch, toPatient } from './patient';

/**
 * PRO-3, ID-6..8: the Patient search by INS (GET with a query, or POST _search with a form, which keeps
 * the matricule out of URLs and their logs, ID-10). One Patient with the access check's answer (traced
 * `patient.check`); an unknown INS → empty searchset (traced); a differing trait → 422 (refused and
 * traced, ID-8); 400 without the INS system or one of the five traits (never a name search).
 */
export async function searchPatientByIns<P>(ctx: FhirContext<P>, params: URLSearchParams, self: string): Promise<Response> {
  const { ins, oid } = parsePatientSearch(params);
  try {
    const check = await checkAccess(ctx.db, ctx.call.actor, ins, ctx.now, 'API');
    // The identity shown is the one given, which matched the stored INS (ID-8: trimmed, case-folded).
    const patient = toPatient({ ...ins, profileId: check.profileId, ins: { matricule: ins.matricule, oid } }, check);
    return fhirJson(searchset({ self, total: 1, entries: [{ fullUrl: `${ctx.base}/Patient/${check.profileId}`, resource: patient }] }));
  } catch (error) {
    if (error instanceof InsUnknownError) return fhirJson(searchset({ self, total: 0, entries: [] }));
    throw error;
  }
}
