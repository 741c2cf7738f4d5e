import type { R4 } from '@ahryman40k/ts-fhir-types';

/** FHIR R4 issue types (http://hl7.org/fhir/issue-type) and severities, as plain strings. */
export type IssueCode = `${R4.OperationOutcome_IssueCodeKind}`;
export type IssueSeverity = `${R4.OperationOutcome_IssueSeverityKind}`;

export type Issue = {
  code: IssueCode;
  /** French, for the software's user or its log. */
  diagnostics: string;
  severity?: IssueSeverity;
  /** FHIRPath of the element at fault, e.g. `DocumentReference.masterIdentifier`. */
  expression?: string;
};

/** An OperationOutcome; pure. Severity defaults to `error`. */
export function operationOutcome(issues: readonly Issue[]): R4.IOperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: (i.severity ?? 'error') as R4.OperationOutcome_IssueSeverityKind,
      code: i.code as R4.OperationOutcome_IssueCodeKind,
      diagnostics: i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

export const outcome = (code: IssueCode, diagnostics: string, expression?: string) => operationOutcome([{ code, diagnostics, expression }]);
