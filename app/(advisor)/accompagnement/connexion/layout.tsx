import type { ReactNode } from 'react';
import { LoginShell } from '@/components/auth/LoginShell';

export default function AdvisorLoginLayout({ children }: { children: ReactNode }) {
  return <LoginShell audienceLabel="Conseillers France Services" homeHref="/accompagnement">{children}</LoginShell>;
}
