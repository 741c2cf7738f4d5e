import { Alert, ErrorSummary } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/** The general message, then the summary of field errors linking to each field (ids `${prefix}-${name}`: two forms share a page). */
export function AgendaFormFeedback({ state, labels, prefix }: { state: FormState; labels: Record<string, string>; prefix: string }) {
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({
    field: `${prefix}-${field}`, message: labels[field] ? `${labels[field]} : ${message}` : message,
  }));
  return (
    <>
      {state.message && state.status === 'error' && <Alert variant="error" title="Nous n’avons pas pu enregistrer">{state.message}</Alert>}
      <ErrorSummary errors={errors} id={`${prefix}-resume-erreurs`} />
    </>
  );
}
