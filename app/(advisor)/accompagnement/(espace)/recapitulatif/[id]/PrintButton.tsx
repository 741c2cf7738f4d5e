'use client';
import { Button } from '@/components/ui';

/** Opens the browser's print dialog (the page's print styles hide the navigation). */
export function PrintButton() {
  return <Button type="button" onClick={() => window.print()}>Imprimer le récapitulatif</Button>;
}
