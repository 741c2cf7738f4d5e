import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';

/** Frame of the sign-in pages of the professional, back-office and advisor spaces (no menu yet). */
export function LoginShell({ audienceLabel, homeHref, children }: { audienceLabel: string; homeHref: string; children: ReactNode }) {
  return <PageShell audienceLabel={audienceLabel} homeHref={homeHref} width="narrow">{children}</PageShell>;
}
