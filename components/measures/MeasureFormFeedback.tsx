import { Alert, ErrorSummary } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/**
 * Top-of-form feedback for the measure page's forms: the general message, then the summary of field
 * errors linking to each field (field id = name). `id` keeps two summaries on one page apart.
 */
export function MeasureFormFeedback({ state, labels, id }: { state: FormState; labels: Record<string, string>; id: string }) {
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({
    field, message: labels[field] ? `${labels[field]} : ${message}` : message,
  }));
  return (
    <>
      {state.message && state.status === 'error' && <Alert variant="error" title="Nous n’avons pas pu enregistrer">{state.message}</Alert>}
      <ErrorSummary errors={errors} id={id} />
    </>
  );
}
