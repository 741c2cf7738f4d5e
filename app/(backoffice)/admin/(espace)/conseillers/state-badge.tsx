import { Badge } from '@/components/ui';
import { ADVISOR_STATE_LABELS, type AdvisorState } from '@/lib/france-services/advisor-rules';

const VARIANT = { INVITED: 'warning', ACTIVE: 'success', DEACTIVATED: 'error' } as const;

/** FS-1: invited (password to choose), active, deactivated. */
export function AdvisorStateBadge({ state }: { state: AdvisorState }) {
  return <Badge variant={VARIANT[state]}>{ADVISOR_STATE_LABELS[state]}</Badge>;
}
