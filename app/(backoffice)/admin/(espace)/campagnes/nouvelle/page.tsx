import type { Metadata } from 'next';
import { CampaignForm } from '@/components/backoffice/CampaignForm';
import { PageTitle } from '@/components/ui';
import { campaignFormAction } from './actions';

export const metadata: Metadata = { title: 'Nouvelle campagne' };

/** BO-1, CMP-1: name the campaign, choose its targets, estimate the recipients, then create it (launched later). */
export default function NewCampaignPage() {
  return (
    <>
      <PageTitle title="Nouvelle campagne"
        lead="Sont retenus les assurés sans profil, dans aucun état, qui n’ont reçu l’avis d’aucune autre campagne. Pour un enfant, l’avis va au parent principal." />
      <CampaignForm action={campaignFormAction} />
    </>
  );
}
