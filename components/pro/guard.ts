import { notFound } from 'next/navigation';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';

/**
 * Pages of the professional space: an unknown or hidden target is a 404 (its existence never leaks);
 * a refusal (blocked, not authorised, profile unavailable) is shown with its French reason. Both are
 * traced by the use case before they get here.
 */
export async function loadOrRefuse<T>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccessDeniedError) return { ok: false, reason: error.message };
    throw error;
  }
}
