import type { PatientActor } from '@/lib/access/actor';

/**
 * The profile a patient-side page works on: `?profil=<id>` when acting for a represented child,
 * else the holder's own. Any id is accepted here; the use case's policy check refuses (and traces)
 * one the account does not reach.
 */
export function selectedProfileId(actor: PatientActor, profil: string | string[] | undefined): string | null {
  const asked = typeof profil === 'string' && /^[0-9a-f-]{36}$/i.test(profil) ? profil : undefined;
  return asked ?? actor.ownProfileId ?? actor.representedProfileIds[0] ?? null;
}

/** `path` with `?profil=` kept when the page works on a represented profile. */
export function withProfile(path: string, profil: string | undefined, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(profil && { profil }), ...extra });
  const query = params.toString();
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}
