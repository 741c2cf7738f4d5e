import { readSealedCookie, setSealedCookie } from '@/app/_auth/sealed-cookie';

/** What the confirmation shows after a closure (CLO-3: dated), kept 10 minutes in a sealed cookie. */
export type ClosureFlash = {
  closedAt: string; deletion: boolean; purgeDueOn: string | null; firstName: string;
  /** Whose profile: the signed-in holder's own, a represented child's, or one closed with a code (OPP-8). */
  whose: 'OWN' | 'CHILD' | 'WITH_CODE';
};

const CLOSURE_COOKIE = 'mes_fermeture';

export const setClosureFlash = (flash: ClosureFlash) => setSealedCookie(CLOSURE_COOKIE, flash, 10 * 60);
export const readClosureFlash = () => readSealedCookie<ClosureFlash>(CLOSURE_COOKIE);
