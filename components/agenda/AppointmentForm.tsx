'use client';
import { useActionState } from 'react';
import { Alert, Field, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { AgendaFormFeedback } from './AgendaFormFeedback';

const LABELS = { title: 'Titre', date: 'Date', time: 'Heure', place: 'Lieu ou professionnel de santé', note: 'Note' };

type Props = {
  profileId: string;
  /** Set when editing: the appointment and its current values (date « 03/03/2026 », time « 08:30 », Paris). */
  appointmentId?: string;
  defaults?: { title: string; date: string; time: string; place: string; note: string };
  saved?: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** AGD-1: an appointment noted by the patient side. Each error is shown on its field and listed above the form. */
export function AppointmentForm({ profileId, appointmentId, defaults, saved = false, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = { ...defaults, ...state.values };
  const e = state.fieldErrors;
  const id = (name: string) => `rdv-${name}`;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      {saved && state.status === 'idle' && <Alert variant="success" title="Rendez-vous enregistré">Il apparaît dans votre agenda.</Alert>}
      <AgendaFormFeedback state={state} labels={LABELS} prefix="rdv" />
      <input type="hidden" name="profileId" value={profileId} />
      {appointmentId && <input type="hidden" name="appointmentId" value={appointmentId} />}
      <Field id={id('title')} label={LABELS.title} name="title" required autoComplete="off" defaultValue={v.title ?? ''}
        hint="100 caractères au maximum, par exemple « Dentiste »." error={e.title} />
      <div className="flex flex-wrap gap-x-6">
        <Field id={id('date')} label={LABELS.date} name="date" required autoComplete="off" defaultValue={v.date ?? ''}
          hint="Format : JJ/MM/AAAA, par exemple 03/03/2026." error={e.date} inputClassName="max-w-48" />
        <Field id={id('time')} label={LABELS.time} name="time" required autoComplete="off" defaultValue={v.time ?? ''}
          hint="Format : HH:MM, heure de Paris." error={e.time} inputClassName="max-w-32" />
      </div>
      <Field id={id('place')} label={LABELS.place} name="place" autoComplete="off" defaultValue={v.place ?? ''}
        hint="Facultatif. Par exemple « Cabinet du Dr Martin, Lyon »." error={e.place} />
      <Textarea id={id('note')} label={LABELS.note} name="note" rows={3} defaultValue={v.note ?? ''}
        hint="Facultatif, 1000 caractères au maximum." error={e.note} />
      <SubmitButton>{appointmentId ? 'Enregistrer les modifications' : 'Ajouter le rendez-vous'}</SubmitButton>
    </form>
  );
}
