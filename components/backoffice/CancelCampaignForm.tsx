'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { ActionFeedback } from './ActionFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { confirm: 'Confirmation' };

const NOTICE_EFFECTS = 'L’annulation est définitive. Les personnes qui n’ont pas encore reçu d’avis n’en recevront pas ; les avis déjà envoyés '
  + 'restent valables et leur période d’opposition continue.';

/** BO-1: cancelling cannot be undone, so the agent ticks a confirmation that says what happens (`effects`, by default for notices). */
export function CancelCampaignForm({ campaignId, action, effects = NOTICE_EFFECTS }: {
  campaignId: string; action: (s: FormState, f: FormData) => Promise<FormState>; effects?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate className="mb-6 rounded-lg border border-error-700 bg-white p-6">
      <h3 className="mb-2 text-lg font-bold">Annuler la campagne</h3>
      <ActionFeedback state={state} labels={LABELS} id="annulation" />
      <p id="annulation-effets" className="mb-2">{effects}</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <Checkbox label="Je confirme l’annulation de cette campagne" name="confirm" value="oui" error={state.fieldErrors.confirm}
        aria-describedby="annulation-effets" />
      <SubmitButton variant="danger">Annuler la campagne</SubmitButton>
    </form>
  );
}
