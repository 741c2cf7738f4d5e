import type { ImportStatus } from '@/db/schema';

export const IMPORT_STATUS: Record<ImportStatus, { label: string; variant: 'neutral' | 'info' | 'success' | 'error' }> = {
  RECEIVED: { label: 'En attente', variant: 'neutral' }, RUNNING: { label: 'En cours', variant: 'info' },
  DONE: { label: 'Terminé', variant: 'success' }, FAILED: { label: 'En échec', variant: 'error' },
};
