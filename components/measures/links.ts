/**
 * Links of the measures pages, keeping `?profil=<id>` when the page works on a represented child's
 * profile (the holder's own profile needs none).
 */
export function measuresHref(profileId: string, own: boolean, slug?: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(own ? {} : { profil: profileId }), ...extra }).toString();
  return `/espace/mesures${slug ? `/${slug}` : ''}${query ? `?${query}` : ''}`;
}

/** MEA-4: the document an extracted value comes from, keeping `?profil=` unless it is the reader's own profile. */
export function sourceDocumentHref(doc: { id: string; profileId: string }, own = false): string {
  return `/espace/documents/${doc.id}${own ? '' : `?${new URLSearchParams({ profil: doc.profileId })}`}`;
}
