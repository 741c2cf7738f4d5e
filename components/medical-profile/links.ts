/**
 * Links of the profil médical pages, keeping `?profil=<id>` when the page works on a represented
 * child's (or an aidé's) profile; the holder's own profile needs none.
 */
export function medicalHref(profileId: string, own: boolean, slug?: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(own ? {} : { profil: profileId }), ...extra }).toString();
  return `/espace/profil-medical${slug ? `/${slug}` : ''}${query ? `?${query}` : ''}`;
}
