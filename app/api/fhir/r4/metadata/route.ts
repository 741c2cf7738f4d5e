import { capabilityStatement } from '@/lib/fhir/capability-statement';
import { apiBase, fhirJson } from '@/lib/fhir/http';

/**
 * GET metadata → CapabilityStatement. The one call that needs no token: it holds no patient data and
 * tells a software how to authenticate (as FHIR servers commonly do).
 */
export async function GET(request: Request) {
  return fhirJson(capabilityStatement(apiBase(request)));
}
