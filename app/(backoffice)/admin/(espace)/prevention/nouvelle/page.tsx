import type { Metadata } from 'next';
import { PreventionCampaignForm } from '@/components/prevention-campaigns/PreventionCampaignForm';
import { PageTitle } from '@/components/ui';
import { preventionCampaignFormAction } from './actions';

export const metadata: Metadata = { title: 'Nouvelle campagne de prévention' };

/** PRV-6: the message and its targeting rules; the estimate uses the same SQL as the delivery. */
export default function NewPreventionCampaignPage() {
  return (
    <>
      <PageTitle title="Nouvelle campagne de prévention"
        lead="Le message arrive sur la page d’accueil et dans la rubrique « Prévention » des profils visés ; un courriel sans information de santé les en avertit." />
      <PreventionCampaignForm action={preventionCampaignFormAction} />
    </>
  );
}
