import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { listApiClients } from '@/lib/api-clients/list-clients';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { registerClientAction } from './actions';
import { RegisterClientForm } from './RegisterClientForm';

export const metadata: Metadata = { title: 'Logiciels professionnels' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** PRO-1, PRO-2: the software allowed to call the professional FHIR API; register one, revoke one. */
export default async function ApiClientsPage({ searchParams }: { searchParams: Promise<{ revoque?: string }> }) {
  const actor = await requireAudience('staff');
  const { revoque } = await searchParams;
  const clients = await listApiClients(getDb(), actor, clock.now());
  const revoked = revoque ? clients.find((c) => c.id === revoque && c.status === 'REVOKED') : undefined;
  return (
    <>
      <PageTitle title="Logiciels professionnels"
        lead="Les logiciels autorisés à utiliser l’API FHIR des professionnels de santé. Chacun obtient ses jetons d’accès avec son identifiant et son secret ; un logiciel révoqué ne peut plus rien faire, immédiatement." />
      {revoked && <Alert variant="success" title={`« ${revoked.name} » est révoqué`}>Ses jetons d’accès ne fonctionnent plus et il ne peut plus en obtenir.</Alert>}

      <section aria-labelledby="enregistres" className="mb-10">
        <h2 id="enregistres" className="mb-2 text-2xl font-bold">Logiciels enregistrés</h2>
        <Table caption="Logiciels enregistrés" captionHidden rows={clients} rowKey={(c) => c.id} empty="Aucun logiciel enregistré."
          columns={[
            { key: 'name', header: 'Logiciel', rowHeader: true, cell: (c) => c.name },
            { key: 'editor', header: 'Éditeur', cell: (c) => c.editor },
            { key: 'clientId', header: 'Identifiant client', cell: (c) => <code className="break-all">{c.clientId}</code> },
            { key: 'facility', header: 'Établissement', cell: (c) => (c.facility ? `${c.facility.name} (FINESS ${c.facility.finess})` : 'Aucun (logiciel de cabinet)') },
            { key: 'created', header: 'Enregistré le', cell: (c) => when.format(c.createdAt) },
            { key: 'status', header: 'État', cell: (c) => (c.status === 'ACTIVE' ? <Badge variant="success">Actif</Badge>
              : <><Badge variant="error">Révoqué</Badge>{c.revokedAt && <span className="block text-sm">le {when.format(c.revokedAt)}</span>}</>) },
            { key: 'action', header: 'Action', cell: (c) => (c.status === 'ACTIVE'
              ? <Link href={`/admin/logiciels/${c.id}/revoquer`}>Révoquer<span className="sr-only"> {c.name}</span></Link> : null) },
          ]} />
      </section>

      <section aria-labelledby="enregistrer">
        <h2 id="enregistrer" className="mb-2 text-2xl font-bold">Enregistrer un logiciel</h2>
        <p className="mb-4 max-w-3xl">Un identifiant client et un secret sont créés. Le secret s’affiche une seule fois, juste après l’enregistrement.</p>
        <RegisterClientForm action={registerClientAction} />
      </section>
    </>
  );
}
