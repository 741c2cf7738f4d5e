import { fhirRoute } from '@/lib/fhir/http';
import { searchPatientByIns } from '@/lib/fhir/patient-search';

/** GET Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|<matricule>&family&given&birthdate&gender&birthplace → searchset (see searchPatientByIns). */
export const GET = fhirRoute((ctx) => searchPatientByIns(ctx, ctx.url.searchParams, ctx.url.href));
