import type { MeasureSourceColumn } from '@/db/schema';
import type { TargetStatus } from '@/lib/measures/target-range';

/** MEA-2: where a value comes from, as the patient reads it. */
export const SOURCE_LABELS: Record<MeasureSourceColumn, string> = {
  PATIENT: 'Saisie dans Mon espace santé',
  SERVICE_TIERS: 'Service connecté',
  DOCUMENT_EXTRACTION: 'Extraite d’un document',
  PS: 'Professionnel de santé',
};

/** MEA-7: a value against the target range, in words (never colour alone). */
export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  BELOW: 'En dessous de l’objectif',
  WITHIN: 'Dans l’objectif',
  ABOVE: 'Au-dessus de l’objectif',
};
