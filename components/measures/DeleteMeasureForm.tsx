'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = {
  profileId: string;
  measureId: string;
  slug: string;
  /** « 72,5 kg, mesuré le 3 mars 2026 à 08:30 ». */
  description: string;
  cancelHref: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** MEA-2: the confirmation step before a value entered by the patient side is deleted for good. */
export function DeleteMeasureForm({ profileId, measureId, slug, description, cancelHref, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <section id="confirmer-suppression" aria-labelledby="confirmer-suppression-titre" tabIndex={-1}
      className="mb-10 max-w-2xl rounded-lg border-2 border-error-700 bg-white p-6">
      <h2 id="confirmer-suppression-titre" className="mb-2 text-2xl font-bold">Supprimer cette valeur ?</h2>
      <p className="mb-4">{description}. La valeur sera supprimée définitivement de Mon espace santé.</p>
      {state.status === 'error' && state.message && <Alert variant="error" title="La valeur n’a pas été supprimée">{state.message}</Alert>}
      <form action={formAction} className="flex flex-wrap items-center gap-4">
        <input type="hidden" name="profileId" value={profileId} />
        <input type="hidden" name="measureId" value={measureId} />
        <input type="hidden" name="slug" value={slug} />
        <SubmitButton variant="danger">Supprimer définitivement</SubmitButton>
        <Link href={cancelHref} className="inline-flex min-h-11 items-center font-semibold">Annuler</Link>
      </form>
    </section>
  );
}
