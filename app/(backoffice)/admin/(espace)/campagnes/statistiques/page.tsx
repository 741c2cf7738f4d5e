import type { Metadata } from 'next';
import { Alert, Button, PageTitle, Select } from '@/components/ui';
import { CampaignStatistics } from '@/components/backoffice/CampaignStatistics';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { campaignStatistics } from '@/lib/campaigns/statistics';
import { DEPARTEMENTS, normalizeDepartement } from '@/lib/population/departements';

export const metadata: Metadata = { title: 'Statistiques des campagnes' };

const OPTIONS = [...DEPARTEMENTS].sort().map((d) => ({ value: d, label: d }));

/** BO-1: opposition, creation and activation rates over all campaigns, optionally for one département. */
export default async function CampaignStatisticsPage({ searchParams }: { searchParams: Promise<{ departement?: string }> }) {
  const actor = await requireAudience('staff');
  const asked = normalizeDepartement((await searchParams).departement ?? '');
  const departement = DEPARTEMENTS.has(asked) ? asked : null;
  const stats = await campaignStatistics(getDb(), actor, { campaignId: null, departement }, clock.now());
  const scope = departement ? `département ${departement}` : 'tous les départements';
  return (
    <>
      <PageTitle title="Statistiques des campagnes"
        lead="Taux calculés sur les avis envoyés (courriel, ou courrier déposé) ; un profil compte comme créé le lendemain de la fin de sa période d’opposition, ou dès son activation." />
      {asked && !departement && <Alert variant="error" title="Département inconnu">Les chiffres affichés sont ceux de tous les départements.</Alert>}
      <form method="get" className="mb-8 flex max-w-2xl flex-wrap items-end gap-x-4 rounded-lg border border-border bg-white px-6 pt-6">
        <Select label="Département" name="departement" options={OPTIONS} placeholder="Tous les départements" defaultValue={departement ?? ''} className="min-w-56" />
        <div className="mb-6"><Button type="submit" variant="secondary">Afficher</Button></div>
      </form>
      <h2 className="mb-4 text-2xl font-bold">Toutes les campagnes, {scope}</h2>
      <CampaignStatistics stats={stats} chartTitle={`Taux d’opposition, de création et d’activation — ${scope}`} />
    </>
  );
}
