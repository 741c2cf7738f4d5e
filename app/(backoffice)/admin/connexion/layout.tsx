import type { ReactNode } from 'react';
import { LoginShell } from '@/components/auth/LoginShell';

export default function StaffLoginLayout({ children }: { children: ReactNode }) {
  return <LoginShell audienceLabel="Back-office Assurance Maladie" homeHref="/admin">{children}</LoginShell>;
}
