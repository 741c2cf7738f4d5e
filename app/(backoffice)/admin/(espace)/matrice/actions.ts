'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { publishMatrixVersion } from '@/lib/access-matrix/publish-version';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { frenchDateToIso } from '@/lib/identity/dates';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';

const MAX_BYTES = 512 * 1024;

/** BO-7: « Publier une nouvelle version » — the uploaded CSV, its effective date and a note. */
export async function publishMatrixAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const file = form.get('fichier');
  const day = frenchDateToIso(String(form.get('dateEffet') ?? ''));
  const errors: Record<string, string> = {};
  if (!(file instanceof File) || file.size === 0) errors.fichier = 'Choisissez le fichier CSV de la nouvelle version.';
  else if (file.size > MAX_BYTES) errors.fichier = 'Le fichier dépasse 512 Ko.';
  if (!day) errors.dateEffet = 'Saisissez une date valide au format JJ/MM/AAAA.';
  if (Object.keys(errors).length || !(file instanceof File) || !day) return errorState(form, undefined, errors);
  const csv = await file.text();
  const result = await runUseCase(form, () => publishMatrixVersion(getDb(), actor, { csv, effectiveDay: day, note: String(form.get('note') ?? '') }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/matrice?publiee=${result.value.number}`);
}
