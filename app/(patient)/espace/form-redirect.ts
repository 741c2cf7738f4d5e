import { redirect } from 'next/navigation';
import { DomainError } from '@/lib/errors';

/** A form field as text ('' when absent or a file). */
export const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * For forms that work without JavaScript: runs one use case, then redirects to `success` (or to
 * the path it computes from the result); a DomainError goes back to `back` with its French message
 * (and its field) in the query.
 */
export async function runThenRedirect<T>(back: string, success: string | ((result: T) => string), fn: () => Promise<T>): Promise<never> {
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    redirect(`${back}${back.includes('?') ? '&' : '?'}${new URLSearchParams({ erreur: error.message, champ: error.field ?? '' })}`);
  }
  redirect(typeof success === 'function' ? success(result) : success);
}
