import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { MeasureSource } from '@/components/measures/MeasureSource';
import { measuresHref } from '@/components/measures/links';
import { Alert, Button, Checkbox, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { formatMeasure, frenchDateTime, frenchNumber } from '@/lib/measures/format';
import { GMI_MIN_DAYS, GMI_WINDOW_DAYS } from '@/lib/measures/gmi';
import { measureExtractionSetting } from '@/lib/measures/extraction/setting';
import { measuresOverview } from '@/lib/measures/list-measures';
import { ENTERABLE_TYPES, measureType } from '@/lib/measures/measure-types';
import { selectedProfileId } from '../selected-profile';
import { measureExtractionAction } from './actions';

export const metadata: Metadata = { title: 'Mes mesures' };

type Row = { key: string; name: ReactNode; value: ReactNode; date: string };
type Search = { profil?: string; recuperation?: string; erreur?: string };

/**
 * « Mes mesures » (MEA-1): the latest value of each type with its date and a link to its page, the IMC
 * (MEA-3) and the GMI (MEA-5) computed; for the holder or, with `?profil=`, a represented child. MEA-4:
 * a value read from a document names it, and the holder or a representative switches that reading.
 */
export default async function MeasuresPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const now = clock.now();
  const overview = await measuresOverview(db, actor, profileId, now).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return e;
    throw e;
  });
  if (overview instanceof Error) notFound(); // another account's profile: like an unknown one (traced by the use case)
  const { profile, latest, bmi, gmi } = overview;
  const own = profile.own;
  const [profiles, extraction] = await Promise.all([listAccessibleProfiles(db, actor), measureExtractionSetting(db, actor, profile.id)]);
  const others = profiles.filter((p) => p.id !== profile.id && (p.state === 'ACTIVE' || (p.relation !== 'HOLDER' && p.state === 'CREATED')));
  const bmiType = measureType('BODY_MASS_INDEX');
  const gmiType = measureType('HEMOGLOBIN_GLYCATION_INDEX');
  const rows: Row[] = [
    ...ENTERABLE_TYPES.map((t) => {
      const m = latest[t.code as keyof typeof latest];
      return { key: t.code, name: <Link href={measuresHref(profile.id, own, t.slug)}>{t.label}</Link>,
        value: !m ? 'Aucune valeur' : m.sourceDocument
          ? <>{formatMeasure(t, m.value, m.value2)}<span className="block text-sm"><MeasureSource measure={m} own={own} /></span></>
          : formatMeasure(t, m.value, m.value2),
        date: m ? frenchDateTime(m.effectiveAt) : '—' };
    }),
    { key: 'BMI', name: <Link href={measuresHref(profile.id, own, 'imc')}>IMC (calculé)</Link>, value: bmi ? `${frenchNumber(bmi.value, 1)}\u00a0${bmiType.unit}` : 'Non calculé', date: bmi ? frenchDateTime(bmi.effectiveAt) : '—' },
    { key: 'GMI', name: 'GMI (calculé)', value: gmi.value !== undefined ? `${frenchNumber(gmi.value, 1)}\u00a0${gmiType.unit}` : 'Non calculé',
      date: gmi.value !== undefined ? `${GMI_WINDOW_DAYS} derniers jours` : '—' },
  ];
  return (
    <>
      <PageTitle title={own ? 'Mes mesures' : `Mesures de ${profile.firstName}`}
        lead="Poids, taille, tension, glycémie… Ajoutez vos valeurs et suivez leur évolution. La dernière valeur de chaque mesure est affichée ici." />
      {others.length > 0 && (
        <nav aria-label="Autres profils" className="mb-8">
          <p className="mb-2 font-semibold">Voir aussi les mesures de :</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {others.map((p) => (
              <li key={p.id}><Link href={measuresHref(p.id, p.id === actor.ownProfileId)}>{p.id === actor.ownProfileId ? 'Mon profil' : p.firstName}</Link></li>
            ))}
          </ul>
        </nav>
      )}
      <Table<Row> caption="Dernières valeurs" rows={rows} rowKey={(r) => r.key}
        columns={[
          { key: 'name', header: 'Mesure', rowHeader: true, cell: (r) => r.name },
          { key: 'value', header: 'Dernière valeur', cell: (r) => r.value },
          { key: 'date', header: 'Date', cell: (r) => r.date },
        ]} />
      <div className="max-w-3xl space-y-3">
        <p>
          <strong>IMC</strong> : calculé à partir du dernier poids et de la dernière taille{bmi ? '.' : ' ; il faut avoir saisi les deux.'}
          {profile.minor && ' Avant 18 ans, l’IMC se lit sur les courbes de croissance, avec le médecin de l’enfant.'}
        </p>
        <p>
          <strong>GMI</strong> (indicateur de gestion du glucose) : calculé à partir du glucose interstitiel des {GMI_WINDOW_DAYS} derniers jours,
          s’il y a des relevés sur au moins {GMI_MIN_DAYS} de ces jours.
        </p>
      </div>
      <section aria-labelledby="donnees-documents" className="mt-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="donnees-documents" className="mb-2 text-2xl font-bold">Données des documents</h2>
        {search.recuperation === 'activee' && <Alert variant="success" title="Récupération automatique activée">Les poids, tailles et périmètres crâniens des prochains documents seront ajoutés aux mesures.</Alert>}
        {search.recuperation === 'desactivee' && <Alert variant="success" title="Récupération automatique désactivée">Les prochains documents ne seront plus lus. Les valeurs déjà récupérées restent.</Alert>}
        {search.erreur && <Alert variant="error" title="Le réglage n’a pas été enregistré">{search.erreur}</Alert>}
        {extraction.mayChange ? (
          <form action={measureExtractionAction}>
            <input type="hidden" name="profileId" value={profile.id} />
            <Checkbox name="recuperation" label="Récupération automatique des données des documents" defaultChecked={extraction.enabled}
              hint={`Quand un document arrive dans ${own ? 'votre profil' : `le profil de ${profile.firstName}`} (compte rendu, courrier d’un professionnel de santé…), le poids, la taille et le périmètre crânien qu’il indique sont ajoutés aux mesures, avec un lien vers ce document. Décochez la case pour que les prochains documents ne soient plus lus : les valeurs déjà récupérées restent, et disparaissent si vous supprimez le document d’où elles viennent.`} />
            <Button type="submit" variant="secondary">Enregistrer ce réglage</Button>
          </form>
        ) : (
          <p>
            Récupération automatique des données des documents : <strong>{extraction.enabled ? 'activée' : 'désactivée'}</strong>.
            Seuls le titulaire du profil et ses représentants légaux peuvent changer ce réglage.
          </p>
        )}
      </section>
    </>
  );
}
