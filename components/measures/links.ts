/**
 * Links of the measures pages, keeping `?profil=<id>` when the page works on a represented child's
 * profile (the holder's own profile needs none).
 */
export function measuresHref(profileId: string, own: boolean, slug?: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(own ? {} : { profil: profileId }), ...extra }).toString();
  return `/espace/mesures${slug ? `/${slug}` : ''}${query ? `?${query}` : ''}`;
}
