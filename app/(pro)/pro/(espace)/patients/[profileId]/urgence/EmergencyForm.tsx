'use client';
import { useActionState, useState } from 'react';
import { RadioGroup, Select, Textarea } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { mode: 'Mode d’accès', reasonCode: 'Motif', justification: 'Justification' };

export const MODE_OPTIONS = {
  EMERGENCY: 'Bris de glace : le patient ne peut pas exprimer sa volonté et court un risque immédiat',
  REGULATION: 'Régulation SAMU',
} as const;

/** EMG-2, EMG-3: the « Accès en urgence » form; the regulation mode only for a SAMU regulation centre. */
export function EmergencyForm({ action, regulation, reasons, minLength }: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  regulation: boolean;
  reasons: { value: string; label: string }[];
  minLength: number;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const [length, setLength] = useState((v.justification ?? '').trim().length);
  const modes = [
    { value: 'EMERGENCY', label: MODE_OPTIONS.EMERGENCY },
    ...(regulation ? [{ value: 'REGULATION', label: MODE_OPTIONS.REGULATION,
      hint: 'Pour les professionnels d’un centre de régulation du SAMU : sans autorisation préalable, avec une justification.' }] : []),
  ];
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      <FormFeedback state={state} labels={LABELS} />
      <RadioGroup legend={LABELS.mode} name="mode" required options={modes} error={e.mode}
        defaultValue={v.mode ?? (regulation ? undefined : 'EMERGENCY')} />
      <Select label={LABELS.reasonCode} name="reasonCode" required options={reasons} placeholder="Choisissez un motif"
        defaultValue={v.reasonCode ?? ''} error={e.reasonCode} />
      <Textarea label={LABELS.justification} name="justification" required rows={4} maxLength={1000}
        defaultValue={v.justification} error={e.justification} onChange={(ev) => setLength(ev.currentTarget.value.trim().length)}
        hint={`Décrivez la situation en ${minLength} caractères au moins. Le patient la lira dans le courriel qu’il reçoit. ${length} caractère${length > 1 ? 's' : ''} saisi${length > 1 ? 's' : ''}.`} />
      <SubmitButton>Accéder au profil en urgence</SubmitButton>
    </form>
  );
}
