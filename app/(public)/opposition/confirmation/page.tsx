import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { findReceipt } from '@/lib/oppositions/receipt';
import { readSealedCookie } from '@/app/_auth/sealed-cookie';
import { RECEIPTS_COOKIE } from '../cookies';

export const metadata: Metadata = { title: 'Opposition enregistrée' };

/** OPP-6: each receipt, downloadable at once. */
export default async function ConfirmationPage() {
  const ids = await readSealedCookie<string[]>(RECEIPTS_COOKIE);
  if (!ids?.length) redirect('/opposition');
  const receipts = await Promise.all(ids.map(async (id) => ({ id, ...(await findReceipt(getDb(), id)) })));
  return (
    <>
      <PageTitle title="Votre opposition est enregistrée" />
      <Alert variant="success" title="Aucun profil ne sera créé pour les personnes choisies">
        Les codes provisoires reçus ne fonctionnent plus et vous ne recevrez plus d’avis de création.
      </Alert>
      <ul className="mt-6 space-y-3">
        {receipts.map((r) => (
          <li key={r.id}>
            <a href={`/opposition/recepisse/${r.id}`} download>
              Télécharger le récépissé {r.number} ({r.firstNames.split(' ')[0]} {r.birthName}, PDF)
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
