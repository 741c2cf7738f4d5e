import type { Metadata } from 'next';
import { BeneficiaryForm } from '@/components/backoffice/BeneficiaryForm';
import { PageTitle } from '@/components/ui';
import { createBeneficiaryAction } from './actions';

export const metadata: Metadata = { title: 'Créer un bénéficiaire' };

export default function NewBeneficiaryPage() {
  return (
    <>
      <PageTitle title="Créer un bénéficiaire"
        lead="Le profil sera « invité » : l’avis de création, avec la date limite d’opposition et un code provisoire, part par courriel." />
      <BeneficiaryForm action={createBeneficiaryAction} />
    </>
  );
}
