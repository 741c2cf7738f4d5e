import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteMeasureForm } from '@/components/measures/DeleteMeasureForm';
import { GrowthChart } from '@/components/measures/GrowthChart';
import { MeasureChart, describeTarget } from '@/components/measures/MeasureChart';
import { MeasureEntryForm } from '@/components/measures/MeasureEntryForm';
import { MeasuresTable } from '@/components/measures/MeasuresTable';
import { TargetRangeForm } from '@/components/measures/TargetRangeForm';
import { measuresHref } from '@/components/measures/links';
import { Alert, PageTitle, Pagination } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { formatMeasure, frenchDateTime, frenchNumber } from '@/lib/measures/format';
import { GMI_MIN_DAYS, GMI_WINDOW_DAYS } from '@/lib/measures/gmi';
import { readGrowthCurve } from '@/lib/measures/growth/read-growth-curve';
import { isGrowthIndicator } from '@/lib/measures/growth/reference';
import { findMeasure, measureSeries } from '@/lib/measures/list-measures';
import { typeBySlug } from '@/lib/measures/measure-types';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { selectedProfileId } from '../../selected-profile';
import { addMeasureAction, deleteMeasureAction, setTargetAction } from './actions';

type Params = { type: string };
type Search = { profil?: string; avant?: string; apres?: string; supprimer?: string; enregistre?: string; supprime?: string; objectif?: string; 'objectif-supprime'?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: typeBySlug((await params).type)?.label ?? 'Mesures' };
}

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * MEA-1, MEA-2, MEA-5, MEA-7: one measure type of the selected profile (own, or a represented child's
 * with `?profil=`): entry form, the series as a chart and a table, deletion with confirmation, target range.
 */
export default async function MeasureTypePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const type = typeBySlug((await params).type);
  const sp = await searchParams;
  const profileId = selectedProfileId(actor, sp.profil);
  if (!type || !profileId) notFound();
  const db = getDb();
  const now = clock.now();
  const series = await measureSeries(db, actor, { profileId, type: type.code, before: sp.avant, after: sp.apres }, now).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return e;
    throw e;
  });
  if (series instanceof Error) notFound(); // another account's profile: like an unknown one (traced by the use case)
  const { profile, rows, target, gmi } = series;
  const own = profile.own;
  const href = (extra: Record<string, string> = {}) => measuresHref(profile.id, own, type.slug, extra);
  // MEA-6: under 18 at the latest value, weight, height and head circumference are read on growth curves.
  const growth = isGrowthIndicator(type.code) ? (await readGrowthCurve(db, actor, { profileId: profile.id, indicator: type.code }, now)).curve : undefined;
  const toDelete = sp.supprimer && UUID.test(sp.supprimer) ? await findMeasure(db, actor, { profileId: profile.id, measureId: sp.supprimer }, now) : undefined;
  const [first, second] = type.components;
  const rangeText = [first, second].filter((c) => !!c)
    .map((c) => `${second ? `${c.code === 'SYSTOLIC' ? 'systolique' : 'diastolique'} ` : ''}de ${frenchNumber(c.min)} à ${frenchNumber(c.max)}`).join(', ');
  return (
    <>
      <PageTitle title={own ? type.label : `${type.label} de ${profile.firstName}`}
        lead={`Valeurs en ${type.unit} (${rangeText}), datées à l’heure de Paris.`}>
        <Link href={measuresHref(profile.id, own)}>{own ? 'Retour à mes mesures' : `Retour aux mesures de ${profile.firstName}`}</Link>
      </PageTitle>

      {sp.supprime && <Alert variant="success" title="Valeur supprimée">Elle n’apparaît plus dans vos mesures.</Alert>}
      {sp.objectif && <Alert variant="success" title="Objectif enregistré">{target ? `Objectif : ${describeTarget(type, target)}.` : null}</Alert>}
      {sp['objectif-supprime'] && <Alert variant="success" title="Objectif supprimé" />}

      {sp.supprimer && (toDelete?.source === 'PATIENT'
        ? <DeleteMeasureForm profileId={profile.id} measureId={toDelete.id} slug={type.slug} action={deleteMeasureAction} cancelHref={href()}
            description={`${formatMeasure(type, toDelete.value, toDelete.value2)}, mesuré le ${frenchDateTime(toDelete.effectiveAt)}`} />
        : (
          <Alert variant="warning" title="Cette valeur ne peut pas être supprimée ici">
            {toDelete ? 'Elle vient d’un document, d’un service ou d’un professionnel de santé.' : 'Elle n’existe plus ou n’appartient pas à ce profil.'}
          </Alert>
        ))}

      <section aria-labelledby="ajouter-titre" className="mb-10">
        <h2 id="ajouter-titre" className="mb-4 text-2xl font-bold">Ajouter une valeur</h2>
        <MeasureEntryForm key={`${sp.enregistre}-${sp.supprime}`} type={type} profileId={profile.id} defaults={parisFormDefaults(now)} saved={!!sp.enregistre}
          action={addMeasureAction} />
      </section>

      {gmi && (
        <section aria-labelledby="gmi-titre" className="mb-10 max-w-3xl">
          <h2 id="gmi-titre" className="mb-2 text-2xl font-bold">GMI (indicateur de gestion du glucose)</h2>
          {gmi.value !== undefined
            ? <p>Votre GMI sur les {GMI_WINDOW_DAYS} derniers jours est de <strong>{frenchNumber(gmi.value, 1)} %</strong>, calculé à partir de vos relevés de {gmi.daysWithReadings} jours.</p>
            : <p>Le GMI est calculé à partir des relevés de glucose interstitiel d’au moins {GMI_MIN_DAYS} jours sur les {GMI_WINDOW_DAYS} derniers. Relevés présents sur {gmi.daysWithReadings} jour{gmi.daysWithReadings > 1 ? 's' : ''} pour le moment.</p>}
        </section>
      )}

      <section aria-labelledby="evolution-titre" className="mb-10">
        <h2 id="evolution-titre" className="mb-4 text-2xl font-bold">Évolution</h2>
        {growth ? (
          <>
            <GrowthChart curve={growth} type={type} childName={profile.firstName}
              title={own ? `Courbe : ${type.label}` : `Courbe : ${type.label} de ${profile.firstName}`} />
            {type.code !== 'HEAD_CIRCUMFERENCE' && <p className="mb-6"><Link href={measuresHref(profile.id, own, 'imc')}>Voir l’IMC sur les courbes de croissance</Link></p>}
          </>
        ) : (
          <MeasureChart type={type} measures={rows} target={target}
            title={own ? `Courbe : ${type.label}` : `Courbe : ${type.label} de ${profile.firstName}`} />
        )}
        <MeasuresTable type={type} measures={rows} target={target} own={own} deleteHref={(m) => `${href({ supprimer: m.id })}#confirmer-suppression`} />
        <Pagination label="Pages des valeurs enregistrées"
          prevHref={series.newerCursor ? href({ apres: series.newerCursor }) : undefined}
          nextHref={series.olderCursor ? href({ avant: series.olderCursor }) : undefined} />
      </section>

      <section aria-labelledby="objectif-titre" className="mb-10">
        <h2 id="objectif-titre" className="mb-2 text-2xl font-bold">Objectif</h2>
        <p className="mb-4 max-w-3xl">
          {target ? `Objectif actuel : ${describeTarget(type, target)}.` : 'Aucun objectif pour le moment.'} Fixez une plage de valeurs à viser, par exemple avec votre médecin : elle s’affiche sur la courbe. Vous pouvez laisser une borne vide.
        </p>
        <TargetRangeForm key={`${sp.objectif}-${sp['objectif-supprime']}`} type={type} profileId={profile.id} current={target} action={setTargetAction} />
      </section>
    </>
  );
}
