'use client';
import { useActionState } from 'react';
import { Alert, Field, RadioGroup, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { AgendaFormFeedback } from './AgendaFormFeedback';

const LABELS = { title: 'Titre du rappel', dueOn: 'Date du rappel', note: 'Note', remind: 'Recevoir le rappel par e-mail' };

/**
 * AGD-4, AGD-5: a reminder (at most 10 per date) and when its email goes: at 08:00 the day before
 * (default) or the same day. Errors on their fields, the 11th of a day on the date.
 */
export function ReminderForm({ profileId, saved = false, action }: { profileId: string; saved?: boolean; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      {saved && state.status === 'idle' && <Alert variant="success" title="Rappel enregistré">Il apparaît dans votre agenda.</Alert>}
      <AgendaFormFeedback state={state} labels={LABELS} prefix="rappel" />
      <input type="hidden" name="profileId" value={profileId} />
      <Field id="rappel-title" label={LABELS.title} name="title" required autoComplete="off" defaultValue={v.title ?? ''}
        hint="100 caractères au maximum, par exemple « Renouveler l’ordonnance »." error={e.title} />
      <Field id="rappel-dueOn" label={LABELS.dueOn} name="dueOn" required autoComplete="off" defaultValue={v.dueOn ?? ''}
        hint="Format : JJ/MM/AAAA. 10 rappels au maximum par date." error={e.dueOn} inputClassName="max-w-48" />
      <Textarea id="rappel-note" label={LABELS.note} name="note" rows={3} defaultValue={v.note ?? ''}
        hint="Facultatif, 1000 caractères au maximum. La note n’est pas écrite dans l’e-mail." error={e.note} />
      <RadioGroup legend={LABELS.remind} name="remind" defaultValue={v.remind ?? 'DAY_BEFORE'} error={e.remind}
        hint="L’e-mail part à 8 h, heure de Paris, si vous n’avez pas désactivé les e-mails de rendez-vous et rappels."
        options={[{ value: 'DAY_BEFORE', label: 'La veille' }, { value: 'SAME_DAY', label: 'Le jour même' }]} />
      <SubmitButton>Ajouter le rappel</SubmitButton>
    </form>
  );
}
