'use client';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from '@/components/ui';

/** Submit button that says it is working and cannot be pressed twice while the action runs. */
export function SubmitButton({ children, variant = 'primary', name, value }: { children: string; variant?: ButtonVariant; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? 'Veuillez patienter…' : children}
    </Button>
  );
}
