import type { Metadata } from 'next';
import { NewCodeForm } from '@/components/activation/NewCodeForm';
import { PageTitle } from '@/components/ui';
import { requestNewCodeAction } from './actions';

export const metadata: Metadata = { title: 'Recevoir un nouveau code provisoire' };

export default function NewCodePage() {
  return (
    <>
      <PageTitle title="Recevoir un nouveau code provisoire"
        lead="Code perdu ou expiré ? Un nouveau code est envoyé à l’adresse électronique que l’Assurance Maladie connaît pour vous (3 codes au plus par 24 heures)." />
      <NewCodeForm action={requestNewCodeAction} />
      <p className="mt-8">Sans adresse électronique connue : demandez un code sur votre compte ameli, au 3422 ou dans un espace France Services.</p>
    </>
  );
}
