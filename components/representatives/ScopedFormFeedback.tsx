import { Alert, ErrorSummary } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/** The id of a field of one form among several on a page (`code-<childId>`), also its summary anchor. */
export const scopedId = (field: string, scope: string) => `${field}-${scope}`;

/**
 * Top-of-form feedback for pages holding several forms of the same kind: the general message and
 * the error summary whose id and links are scoped to this form's own field ids.
 */
export function ScopedFormFeedback({ state, labels, scope }: { state: FormState; labels: Record<string, string>; scope: string }) {
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({
    field: scopedId(field, scope), message: labels[field] ? `${labels[field]} : ${message}` : message,
  }));
  return (
    <>
      {state.message && state.status === 'error' && <Alert variant="error" title="Nous n’avons pas pu continuer">{state.message}</Alert>}
      <ErrorSummary errors={errors} id={`resume-erreurs-${scope}`} />
    </>
  );
}
