import { z } from 'zod';
import { parseNir } from '@/lib/identity/nir';

/**
 * The NIR of someone other than the person typing it (second parent, tutor, ASE minor): the same
 * ID-3 checks as `nirField`, with an empty-field message that does not say "votre".
 */
export const someoneNirField = (emptyMessage: string) => z.string().trim().min(1, emptyMessage).superRefine((v, ctx) => {
  try { parseNir(v); } catch (e) { ctx.addIssue({ code: 'custom', message: (e as Error).message }); }
});
