import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GrowthChart } from '@/components/measures/GrowthChart';
import { measuresHref } from '@/components/measures/links';
import { PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import type { Reading } from '@/lib/measures/bmi';
import { formatMeasure, frenchDateTime } from '@/lib/measures/format';
import { readGrowthCurve } from '@/lib/measures/growth/read-growth-curve';
import { measureType } from '@/lib/measures/measure-types';
import { selectedProfileId } from '../../selected-profile';

export const metadata: Metadata = { title: 'IMC' };

/**
 * MEA-3, MEA-6: the IMC of the selected profile over time, computed on each day with a weight and a
 * height; under 18 it is drawn on the growth curves of the child's sex. Computed, so nothing to enter here.
 */
export default async function BmiPage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const profileId = selectedProfileId(actor, (await searchParams).profil);
  if (!profileId) notFound();
  const now = clock.now();
  const result = await readGrowthCurve(getDb(), actor, { profileId, indicator: 'BODY_MASS_INDEX' }, now).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return e;
    throw e;
  });
  if (result instanceof Error) notFound(); // another account's profile: like an unknown one (traced by the use case)
  const { profile, readings, curve } = result;
  const own = profile.own;
  const type = measureType('BODY_MASS_INDEX');
  return (
    <>
      <PageTitle title={own ? 'IMC' : `IMC de ${profile.firstName}`}
        lead="Indice de masse corporelle en kg/m², calculé à partir du poids et de la taille mesurés le même jour.">
        <Link href={measuresHref(profile.id, own)}>{own ? 'Retour à mes mesures' : `Retour aux mesures de ${profile.firstName}`}</Link>
      </PageTitle>
      <section aria-labelledby="evolution-titre" className="mb-10">
        <h2 id="evolution-titre" className="mb-4 text-2xl font-bold">Évolution</h2>
        {readings.length === 0 && (
          <p className="mb-6 max-w-3xl">
            L’IMC apparaîtra dès qu’un <Link href={measuresHref(profile.id, own, 'poids')}>poids</Link> et
            une <Link href={measuresHref(profile.id, own, 'taille')}>taille</Link> auront été mesurés le même jour.
          </p>
        )}
        {curve && (
          <GrowthChart curve={curve} type={type} childName={profile.firstName}
            title={own ? 'Courbe : IMC' : `Courbe : IMC de ${profile.firstName}`} />
        )}
        <Table<Reading> caption="IMC calculés" rows={[...readings].reverse()} rowKey={(r, i) => `${r.effectiveAt.toISOString()}-${i}`}
          empty="Aucun IMC calculé pour le moment."
          columns={[
            { key: 'date', header: 'Date', rowHeader: true, cell: (r) => frenchDateTime(r.effectiveAt) },
            { key: 'value', header: 'IMC', cell: (r) => formatMeasure(type, r.value) },
          ]} />
      </section>
    </>
  );
}
