'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { Checkbox } from '@/components/ui';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Action = (s: FormState, f: FormData) => Promise<FormState>;

/** VIS-9 and DOC-9 on one document, as far as this professional may (the use cases decide again). */
export function DocumentActions({ documentId, profileId, canDelete, visibility, deleteAction, visibilityAction }: {
  documentId: string; profileId: string; canDelete: boolean; visibility: 'hide' | 'show' | null; deleteAction: Action; visibilityAction: Action;
}) {
  const [vState, vAction] = useActionState(visibilityAction, initialFormState);
  const [dState, dAction] = useActionState(deleteAction, initialFormState);
  return (
    <div className="mt-6 grid gap-6 md:grid-cols-2">
      {visibility && (
        <form action={vAction} className="rounded-lg border border-border bg-white p-5">
          <h2 className="mb-2 text-xl font-bold">{visibility === 'show' ? 'Rendre visible au patient' : 'Rendre invisible au patient'}</h2>
          <FormFeedback state={vState} labels={{}} />
          <p className="mb-4">{visibility === 'show'
            ? 'Après la consultation d’annonce, le patient pourra voir ce document et en sera informé.'
            : 'En attendant la consultation d’annonce, le patient, ses représentants et ses aidants ne verront pas ce document.'}</p>
          <input type="hidden" name="documentId" value={documentId} />
          <input type="hidden" name="visible" value={visibility === 'show' ? '1' : '0'} />
          <SubmitButton variant="secondary">{visibility === 'show' ? 'Rendre visible au patient' : 'Rendre invisible au patient'}</SubmitButton>
        </form>
      )}
      {canDelete && (
        <form action={dAction} className="rounded-lg border border-border bg-white p-5">
          <h2 className="mb-2 text-xl font-bold">Supprimer ce document</h2>
          <FormFeedback state={dState} labels={{ confirmation: 'Confirmation' }} />
          <input type="hidden" name="documentId" value={documentId} />
          <input type="hidden" name="profileId" value={profileId} />
          <Checkbox name="confirmation" required label="Je confirme la suppression : le document disparaîtra du profil du patient" error={dState.fieldErrors.confirmation} />
          <SubmitButton variant="danger">Supprimer le document</SubmitButton>
        </form>
      )}
    </div>
  );
}
