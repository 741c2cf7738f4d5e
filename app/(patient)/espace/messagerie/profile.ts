import { notFound } from 'next/navigation';
import type { PatientActor } from '@/lib/access/actor';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId } from '../selected-profile';

/** The profile the messagerie pages work on (`?profil=`), or 404. */
export function messagingProfile(actor: PatientActor, profil: string | undefined): string {
  const id = selectedProfileId(actor, profil);
  if (!id) notFound();
  return id;
}

/** A refusal or an unknown id is a 404 page (no existence leak); the refusal is traced by the use case. */
export const orNotFound = (e: unknown): never => {
  if (e instanceof AccessDeniedError || e instanceof NotFoundError) notFound();
  throw e;
};
