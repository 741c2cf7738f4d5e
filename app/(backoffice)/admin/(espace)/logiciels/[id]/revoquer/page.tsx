import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { getApiClient } from '@/lib/api-clients/list-clients';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { revokeClientAction } from '../../actions';
import { RevokeClientForm } from './RevokeClientForm';

export const metadata: Metadata = { title: 'Révoquer un logiciel' };

/** The confirmation before a revocation: what it does, then one button (or back to the list). */
export default async function RevokeClientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const client = await getApiClient(getDb(), actor, id, clock.now()).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageTitle title={`Révoquer « ${client.name} » ?`} lead={`Éditeur : ${client.editor}. Identifiant client : ${client.clientId}.`} />
      {client.status === 'REVOKED' ? (
        <Alert variant="info" title="Ce logiciel est déjà révoqué">Il ne peut plus utiliser l’API.</Alert>
      ) : (
        <div className="max-w-3xl rounded-lg border border-border bg-white p-6">
          <Alert variant="warning" title="La révocation est immédiate et définitive">
            Les jetons d’accès de ce logiciel cessent de fonctionner et il ne peut plus en obtenir : les professionnels qui l’utilisent
            n’accèdent plus à Mon espace santé par son intermédiaire. Pour le rétablir, il faudra l’enregistrer à nouveau et transmettre
            de nouveaux identifiants à l’éditeur.
          </Alert>
          <RevokeClientForm id={client.id} action={revokeClientAction} />
        </div>
      )}
      <p className="mt-6"><Link href="/admin/logiciels">Retour à la liste des logiciels</Link></p>
    </>
  );
}
