import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';

/** Zod parse whose first issue becomes a French ValidationError tied to its field (pages show it). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ValidationError('message.invalid', issue?.message ?? 'Saisie invalide.', issue?.path.join('.') || undefined);
}
