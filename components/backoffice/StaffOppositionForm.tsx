'use client';
import { useActionState } from 'react';
import { Field, RadioGroup } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { channel: 'Opposition reçue', postmarkDate: 'Date du cachet de la poste' };

/** BO-2: an opposition received by phone (3422), letter (with its postmark, OPP-4) or email. */
export function StaffOppositionForm({ profileId, action }: { profileId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const receipt = state.status === 'success' ? state.data?.receiptHref : undefined;
  return (
    <form action={formAction} key={state.version} className="mt-8 max-w-2xl rounded-lg border border-border bg-white p-6" noValidate>
      <h2 className="mb-4 text-xl font-bold">Enregistrer une opposition</h2>
      <FormFeedback state={state} labels={LABELS} />
      {receipt && <p className="mb-4"><a href={receipt} download>Télécharger le récépissé (PDF)</a></p>}
      <input type="hidden" name="profileId" value={profileId} />
      <RadioGroup legend={LABELS.channel} name="channel" required defaultValue={state.values.channel} error={state.fieldErrors.channel}
        options={[{ value: 'PHONE', label: 'par téléphone (3422)' }, { value: 'LETTER', label: 'par courrier' }, { value: 'EMAIL', label: 'par courriel' }]} />
      <Field label={LABELS.postmarkDate} name="postmarkDate" hint="Pour un courrier seulement. Format : JJ/MM/AAAA." defaultValue={state.values.postmarkDate}
        error={state.fieldErrors.postmarkDate} inputClassName="max-w-xs" />
      <SubmitButton variant="danger">Enregistrer l’opposition</SubmitButton>
    </form>
  );
}
