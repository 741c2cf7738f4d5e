import type { ContactChannel } from '@/lib/accounts/contact-rules';
import { runThenRedirect, text } from '@/app/(patient)/espace/form-redirect';

/** The query of a « coordonnées » page: the code step in progress, the last error, what was changed. */
export type ContactSearch = { canal?: string; defi?: string; envoye?: string; erreur?: string; champ?: string; modifie?: string };

const CHANNELS = { email: 'EMAIL', mobile: 'MOBILE' } as const satisfies Record<string, ContactChannel>;
const channelOf = (value: string): keyof typeof CHANNELS => (value === 'mobile' ? 'mobile' : 'email');

const CHANGED = ['email', 'mobile', 'mobile-removed'] as const;

/** What components/account/ContactDetailsForms shows, read from the page's query. */
export function contactPageState(search: ContactSearch) {
  const channel: keyof typeof CHANNELS | undefined = search.canal === 'email' || search.canal === 'mobile' ? search.canal : undefined;
  return {
    pending: channel && search.defi ? { channel, challengeId: search.defi, sentTo: search.envoye ?? '' } : undefined,
    error: search.erreur ? { message: search.erreur, field: search.champ ?? '' } : undefined,
    changed: CHANGED.find((c) => c === search.modifie),
  };
}

/**
 * The three form posts of a « coordonnées » page (patient, or advisor during a visit: FS-3), each running
 * its use case and coming back to `page` with the next step, the result or the French error. The typed
 * value is never put in the URL (access logs): only where the code went, masked.
 */
export function contactActions(page: string) {
  return {
    async start(form: FormData, run: (input: { channel: ContactChannel; value: string; password: string }) => Promise<{ challengeId: string; sentTo: string }>) {
      const channel = channelOf(text(form, 'canal'));
      await runThenRedirect(page, (r) => `${page}?${new URLSearchParams({ canal: channel, defi: r.challengeId, envoye: r.sentTo })}`,
        () => run({ channel: CHANNELS[channel], value: text(form, 'valeur'), password: text(form, 'motDePasse') }));
    },
    async confirm(form: FormData, run: (input: { channel: ContactChannel; challengeId: string; otp: string }) => Promise<unknown>) {
      const channel = channelOf(text(form, 'canal'));
      const back = `${page}?${new URLSearchParams({ canal: channel, defi: text(form, 'defi'), envoye: text(form, 'envoye') })}`;
      await runThenRedirect(back, `${page}?modifie=${channel}`,
        () => run({ channel: CHANNELS[channel], challengeId: text(form, 'defi'), otp: text(form, 'otp') }));
    },
    async removeMobile(form: FormData, run: (password: string) => Promise<unknown>) {
      await runThenRedirect(page, `${page}?modifie=mobile-removed`, () => run(text(form, 'motDePasse')));
    },
  };
}
