import { withProfile } from '../selected-profile';

/** The agenda of a profile: `?profil=` only for a represented profile. */
export const agendaHref = (profileId: string, own: boolean, path = '', extra: Record<string, string> = {}) =>
  withProfile(`/espace/agenda${path}`, own ? undefined : profileId, extra);
