import { R4 } from '@ahryman40k/ts-fhir-types';
import type { Decoder } from 'io-ts';

const CODECS: Record<string, Decoder<unknown, unknown>> = {
  Bundle: R4.RTTI_Bundle, Patient: R4.RTTI_Patient, DocumentReference: R4.RTTI_DocumentReference, Binary: R4.RTTI_Binary,
  OperationOutcome: R4.RTTI_OperationOutcome, CapabilityStatement: R4.RTTI_CapabilityStatement,
};

/**
 * Fails unless `resource` decodes as its FHIR R4 resource type with @ahryman40k/ts-fhir-types (entries of
 * a Bundle included). That library's FHIRVersion list ends at 4.0.0: a CapabilityStatement announcing
 * 4.0.1 (R4's technical correction, the version servers announce) is checked for exactly that, then
 * decoded as 4.0.0.
 */
export function expectValidFhir(resource: unknown): void {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== 'string') throw new Error(`Not a FHIR resource (no resourceType): ${JSON.stringify(resource)?.slice(0, 200)}`);
  let value = resource;
  if (type === 'CapabilityStatement') {
    const version = (resource as { fhirVersion?: unknown }).fhirVersion;
    if (version !== '4.0.1') throw new Error(`CapabilityStatement.fhirVersion is ${String(version)}, expected 4.0.1`);
    value = { ...(resource as object), fhirVersion: '4.0.0' };
  }
  const codec = CODECS[type] ?? R4.RTTI_ResourceList;
  const result = codec.decode(value);
  if (result._tag === 'Right') return;
  const problems = result.left.slice(0, 5).map((e) => {
    const path = e.context.map((c) => c.key).filter(Boolean).join('.');
    return `${path || '(root)'} = ${JSON.stringify(e.value)?.slice(0, 80)}`;
  });
  throw new Error(`Not valid FHIR R4 ${type}:\n  ${problems.join('\n  ')}`);
}
