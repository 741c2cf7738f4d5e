import { Alert, ErrorSummary } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/** Top-of-form feedback: a general message, then the summary of field errors with links. */
export function FormFeedback({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({
    field, message: labels[field] ? `${labels[field]} : ${message}` : message,
  }));
  return (
    <>
      {state.message && state.status === 'error' && (
        <Alert variant="error" title="Nous n’avons pas pu continuer">{state.message}</Alert>
      )}
      {state.message && state.status === 'success' && <Alert variant="success" title="C’est fait">{state.message}</Alert>}
      <ErrorSummary errors={errors} />
    </>
  );
}
