import { redirect } from 'next/navigation';
import { DomainError } from '@/lib/errors';

/** A form field as text ('' when absent or a file). */
export const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * For forms that work without JavaScript: runs one use case, then redirects to `success`; a
 * DomainError goes back to `back` with its French message (and its field) in the query.
 */
export async function runThenRedirect(back: string, success: string, fn: () => Promise<unknown>): Promise<never> {
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    redirect(`${back}${back.includes('?') ? '&' : '?'}${new URLSearchParams({ erreur: error.message, champ: error.field ?? '' })}`);
  }
  redirect(success);
}
