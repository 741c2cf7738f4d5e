import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { CivilStatusForm } from '@/components/identity/CivilStatusForm';
import { getDb } from '@/db/client';
import { getBeneficiarySummary } from '@/lib/accounts/beneficiary-summary';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { correctCivilStatusAction, mergeDuplicateAction } from './actions';
import { MergeForm } from '@/components/identity/MergeForm';

export const metadata: Metadata = { title: 'État civil et doublons' };

/** ID-11, BO-4: civil-status correction of one profile (names and first names only). */
export default async function CivilStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const p = await getBeneficiarySummary(getDb(), actor, id, clock.now()).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  return (
    <>
      <PageTitle title="État civil et doublons" lead="Seuls le nom de naissance et les prénoms se corrigent ici (ID-11). Les autres changements passent par la caisse." />
      <p className="mb-6"><a href={`/admin/beneficiaires/${id}`}>Retour à la fiche du bénéficiaire</a></p>
      <h2 className="mb-4 text-2xl font-bold">Corriger le nom ou les prénoms</h2>
      <CivilStatusForm profileId={id} birthName={p.birthName} firstNames={p.firstNames} action={correctCivilStatusAction} />
      <h2 className="mb-4 mt-10 text-2xl font-bold">Fusionner un doublon</h2>
      <MergeForm profileId={id} action={mergeDuplicateAction} />
    </>
  );
}
