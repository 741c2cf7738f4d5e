'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { closeInVisit, requestDeletionInVisit } from '@/lib/france-services/visits/assisted-actions';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { advisorInVisitOrRedirect } from '../visit-guard';

const confirmed = (what: string) => z.literal('oui', { error: `Cochez la case pour confirmer que la personne demande ${what}.` });
const closure = z.object({ profileId: z.uuid(), deleteData: z.literal('oui').optional(), confirmed: confirmed('la fermeture de ce profil') });
const deletion = z.object({ profileId: z.uuid(), confirmed: confirmed('la suppression de ces données') });

/** FS-3, CLO-2: the person present asks to close a covered profile (and maybe to delete its data, CLO-5). */
export async function closeInVisitAction(_: FormState, form: FormData): Promise<FormState> {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const input = parseForm(closure, form);
  if (!input.ok) return input.state;
  const { profileId, deleteData } = input.data;
  const result = await runUseCase(form, () => closeInVisit(getDb(), advisor, { profileId, deleteData: deleteData === 'oui' }, now));
  if (!result.ok) return result.state;
  redirect('/accompagnement/visite?fermeture=1');
}

/** FS-3, CLO-5: the person present asks for the deletion of a closed profile's archived data. */
export async function requestDeletionInVisitAction(_: FormState, form: FormData): Promise<FormState> {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const input = parseForm(deletion, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => requestDeletionInVisit(getDb(), advisor, input.data.profileId, now));
  if (!result.ok) return result.state;
  redirect('/accompagnement/visite?suppression=1');
}
