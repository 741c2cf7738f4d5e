import type { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';

/**
 * What a server action returns to its form: a French message, errors per field (tied to the fields
 * with aria-describedby), and the values to show again (never passwords or codes).
 */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** Changes on every answer so the form re-mounts with the returned values. */
  version: number;
  /** What a successful action hands back to its form (e.g. the link to a receipt). */
  data?: Record<string, string>;
};

export const initialFormState: FormState = { status: 'idle', fieldErrors: {}, values: {}, version: 0 };

const SECRET_FIELDS = new Set(['otp', 'code', 'motDePasse']);
/** Never echoed: codes and every password field (current, new, confirmation). */
const isSecret = (key: string) => SECRET_FIELDS.has(key) || /password/i.test(key);

export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !isSecret(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

export function errorState(form: FormData, message: string | undefined, fieldErrors: Record<string, string> = {}): FormState {
  return { status: 'error', message, fieldErrors, values: echoValues(form), version: Date.now() };
}

/** zod parse with the first French message per field. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData):
  { ok: true; data: z.infer<S> } | { ok: false; state: FormState } {
  const parsed = schema.safeParse(Object.fromEntries(form.entries()));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, state: errorState(form, undefined, fieldErrors) };
}

/** Runs one use case; a DomainError becomes the user's French message, anything else is a real error. */
export async function runUseCase<T>(form: FormData, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; state: FormState }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof DomainError) {
      logger.info({ code: error.code }, 'domain refusal');
      return { ok: false, state: error.field
        ? errorState(form, undefined, { [error.field]: error.message })
        : errorState(form, error.message) };
    }
    throw error;
  }
}
