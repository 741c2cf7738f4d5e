import type { Metadata } from 'next';
import { Alert, PageTitle, Table } from '@/components/ui';
import { ResolveFailureForm } from '@/components/identity/ResolveFailureForm';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { openingFailures } from '@/lib/identity/identity-cases';
import { resolveFailureAction } from './actions';

export const metadata: Metadata = { title: 'Ouvertures impossibles' };
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const REASONS = { DUPLICATE_IDENTITY: 'Identité en double (même nom, prénoms et date de naissance sous un autre NIR)' } as const;

/** CMP-10, BO-4: people a campaign could not open; they were told, and wait for an agent. */
export default async function OpeningFailuresPage() {
  const actor = await requireAudience('staff');
  const rows = await openingFailures(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Ouvertures impossibles" lead="Personnes dont le profil n’a pas pu être créé par une campagne. Elles ont été prévenues ; la prochaine campagne ne leur écrira qu’une fois le cas résolu." />
      {rows.length === 0 ? <Alert variant="info" title="Aucun cas en attente">Toutes les ouvertures ont abouti.</Alert> : (
        <Table caption={`${rows.length} cas en attente, du plus ancien au plus récent`} rows={rows} rowKey={(r) => r.id}
          columns={[
            { key: 'who', header: 'Personne', rowHeader: true, cell: (r) => `${r.first_names} ${r.birth_name}, né(e) le ${r.birth_date.split('-').reverse().join('/')} (${r.nirMasked})` },
            { key: 'why', header: 'Motif', cell: (r) => REASONS[r.reason] },
            { key: 'campaign', header: 'Campagne', cell: (r) => r.campaign ?? '—' },
            { key: 'at', header: 'Depuis le', cell: (r) => when.format(r.created_at) },
            { key: 'do', header: 'Action', cell: (r) => <ResolveFailureForm failureId={r.id} who={`${r.first_names} ${r.birth_name}`} action={resolveFailureAction} /> },
          ]} />
      )}
    </>
  );
}
