'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { ActionFeedback } from './ActionFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { scheduledAt: 'Date de lancement', scheduledTime: 'Heure de lancement' };

/** BO-1: start the campaign later, at a Europe/Paris date and time. */
export function ScheduleCampaignForm({ campaignId, action }: { campaignId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="mb-6 rounded-lg border border-border bg-white p-6">
      <h3 className="mb-4 text-lg font-bold">Programmer le lancement</h3>
      <ActionFeedback state={state} labels={LABELS} id="programmation" />
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="flex flex-wrap gap-x-6">
        <Field label={LABELS.scheduledAt} name="scheduledAt" required hint="Format : JJ/MM/AAAA." defaultValue={v.scheduledAt}
          error={e.scheduledAt} autoComplete="off" inputClassName="max-w-48" />
        <Field label={LABELS.scheduledTime} name="scheduledTime" required hint="Heure de Paris, format HH:MM." defaultValue={v.scheduledTime}
          error={e.scheduledTime} autoComplete="off" inputClassName="max-w-32" />
      </div>
      <SubmitButton variant="secondary">Programmer</SubmitButton>
    </form>
  );
}
