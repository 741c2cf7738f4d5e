import { z } from 'zod';
import { checkVitaleSerial } from '@/lib/auth/credential-rules';
import { frenchDateToIso } from '@/lib/identity/dates';
import { parseNir } from '@/lib/identity/nir';

/** Form fields shared by the public and back-office forms, with the rules' own French messages. */
/** ID-3 checks on a NIR; `emptyMessage` says whose number is expected. */
const nirOf = (emptyMessage: string) => z.string().trim().min(1, emptyMessage).superRefine((v, ctx) => {
  try { parseNir(v); } catch (e) { ctx.addIssue({ code: 'custom', message: (e as Error).message }); }
});
export const nirField = nirOf('Saisissez votre numéro de sécurité sociale.');
/** The NIR of someone else (second parent, tutor, ASE minor): the message does not say "votre". */
export const someoneNirField = nirOf;

export const vitaleSerialField = z.string().trim().min(1, 'Saisissez le numéro de série de votre carte Vitale.').superRefine((v, ctx) => {
  const error = checkVitaleSerial(v);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});

/** "JJ/MM/AAAA" → ISO date; `notFuture` for birth dates. */
export const frenchDateField = (opts: { notFuture?: boolean } = {}) => z.string().trim().transform((v, ctx) => {
  const iso = frenchDateToIso(v);
  if (!iso) { ctx.addIssue({ code: 'custom', message: 'Saisissez une date valide au format JJ/MM/AAAA.' }); return z.NEVER; }
  if (opts.notFuture && iso > new Date().toISOString().slice(0, 10)) {
    ctx.addIssue({ code: 'custom', message: 'La date de naissance ne peut pas être dans le futur.' });
    return z.NEVER;
  }
  return iso;
});

/** The files chosen in a form's file input (empty inputs skipped), as the messaging use cases take them. */
export const uploadedFiles = (form: FormData, name = 'pieces') => Promise.all(form.getAll(name)
  .filter((f): f is File => typeof f !== 'string' && f.size > 0)
  .map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
