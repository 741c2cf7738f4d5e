import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { readMedicalProfile } from '@/lib/medical-profile/read-profile';
import { selectedProfileId } from '../selected-profile';

/**
 * The profil médical a page shows: the account's own, or `?profil=` for a represented child or an
 * aidé. A profile the account does not reach answers 404, like an unknown one (the use case traced it).
 */
export async function loadMedicalProfile(actor: PatientActor, profil: string | undefined) {
  const profileId = selectedProfileId(actor, profil);
  if (!profileId) notFound();
  return readMedicalProfile(getDb(), actor, profileId, clock.now()).catch((e: unknown) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) notFound();
    throw e;
  });
}

/** « Mon profil médical » or « Profil médical de Lina ». */
export const whose = (profile: { own: boolean; firstName: string }, label: string) => (profile.own ? label : `${label} de ${profile.firstName}`);
