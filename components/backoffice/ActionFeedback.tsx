import { Alert, ErrorSummary } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/**
 * FormFeedback for pages holding several forms: the same general message and error summary, with
 * the summary's id scoped to its form so two summaries on one page never share an id.
 */
export function ActionFeedback({ state, labels, id }: { state: FormState; labels: Record<string, string>; id: string }) {
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({
    field, message: labels[field] ? `${labels[field]} : ${message}` : message,
  }));
  return (
    <>
      {state.message && state.status === 'error' && <Alert variant="error" title="Nous n’avons pas pu continuer">{state.message}</Alert>}
      <ErrorSummary errors={errors} id={`resume-erreurs-${id}`} />
    </>
  );
}
