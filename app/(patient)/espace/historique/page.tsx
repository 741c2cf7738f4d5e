import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { Badge, Button, ButtonLink, ErrorSummary, Field, PageTitle, Pagination, Select, Table, Tabs, buttonClasses } from '@/components/ui';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { listHistory } from '@/lib/audit/history';
import { HISTORY_TABS, describePeriod, filterParams, parseHistoryFilters, type HistoryTab } from '@/lib/audit/history-filters';
import { describeAction, describeActor, modeLabel, whenLong } from '@/lib/audit/history-format';
import type { HistoryRow } from '@/lib/audit/history-query';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId, withProfile } from '../selected-profile';

export const metadata: Metadata = { title: 'Historique d’activité' };

type Search = { profil?: string; onglet?: string; du?: string; au?: string; avant?: string; apres?: string };

const PATH = '/espace/historique';

/**
 * AUD-4..6: "Historique d’activité" of a profile (the holder's, or a child's with `?profil=`), by tab
 * and period, newest first with keyset pages, and its downloads (CSV, PDF) with the same filters.
 */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const params = await searchParams;
  const profileId = selectedProfileId(actor, params.profil);
  if (!profileId) notFound();
  const { filters, errors } = parseHistoryFilters(params);
  const db = getDb();
  const [page, profiles] = await Promise.all([
    listHistory(db, actor, { profileId, ...filters, before: params.avant, after: params.apres }, clock.now()).catch((e: unknown) => {
      if (e instanceof AccessDeniedError || e instanceof NotFoundError) notFound();
      throw e;
    }),
    switchableProfiles(db, actor),
  ]);
  const own = profileId === actor.ownProfileId;
  const profil = own ? undefined : profileId;
  const kept = filterParams(filters);
  const link = (path: string, extra: Record<string, string> = {}) => withProfile(path, profil, { ...kept, ...extra });
  const filtered = Object.keys(kept).length > 0;
  const period = filters.from || filters.to ? `, ${describePeriod(filters)}` : '';
  const fieldError = (field: 'du' | 'au') => errors.find((e) => e.field === field)?.message;

  return (
    <>
      <PageTitle title={own ? 'Historique d’activité' : `Historique d’activité de ${page.profile.name}`}
        lead="Chaque consultation ou action sur le profil est enregistrée ici, avec son auteur et sa date (heure de Paris)." />
      <ProfileSwitcher profiles={profiles} current={profileId} action={PATH} />
      <ErrorSummary errors={errors} title="La période choisie n’a pas pu être appliquée" />

      <form method="get" action={PATH} role="search" aria-label="Filtrer l’historique"
        className="mb-8 grid gap-x-6 rounded-lg border border-border bg-white p-6 md:grid-cols-3">
        {profil && <input type="hidden" name="profil" value={profil} />}
        <Field label="Du" name="du" type="date" hint="Format jj/mm/aaaa" defaultValue={typeof params.du === 'string' ? params.du : ''} error={fieldError('du')} />
        <Field label="Au" name="au" type="date" hint="Format jj/mm/aaaa, ce jour inclus" defaultValue={typeof params.au === 'string' ? params.au : ''} error={fieldError('au')} />
        <Select label="Type d’acteur" name="onglet" defaultValue={filters.tab}
          options={(Object.keys(HISTORY_TABS) as HistoryTab[]).map((k) => ({ value: k, label: HISTORY_TABS[k].filterLabel }))} />
        <div className="flex flex-wrap gap-4 md:col-span-3">
          <Button type="submit">Filtrer</Button>
          {filtered && <ButtonLink href={withProfile(PATH, profil)} variant="secondary">Effacer les filtres</ButtonLink>}
        </div>
      </form>

      <Tabs label="Catégories de l’historique" items={(Object.keys(HISTORY_TABS) as HistoryTab[]).map((key) => ({
        href: withProfile(PATH, profil, filterParams({ ...filters, tab: key })), label: HISTORY_TABS[key].label, current: key === filters.tab,
      }))} />
      <Table<HistoryRow> caption={`${HISTORY_TABS[filters.tab].label}${period}`} rows={page.rows} rowKey={(r) => r.id}
        empty={filtered ? 'Aucune activité ne correspond à ces critères.' : 'Aucune activité dans cette catégorie pour le moment.'}
        columns={[
          { key: 'date', header: 'Date et heure', cell: (r) => whenLong(r.at), rowHeader: true },
          { key: 'who', header: 'Par', cell: (r) => describeActor(r, actor.accountId) },
          { key: 'action', header: 'Action', cell: (r) => {
            const mode = modeLabel(r.mode);
            return (
              <>
                {describeAction(r)}
                {mode && <> <Badge variant="warning">{mode}</Badge></>}
                {r.outcome === 'DENIED' && <> <Badge variant="error">Refusé</Badge></>}
              </>
            );
          } },
        ]} />
      <Pagination label="Pages de l’historique" prevLabel="Plus récents" nextLabel="Plus anciens"
        prevHref={page.newerCursor ? link(PATH, { apres: page.newerCursor }) : undefined}
        nextHref={page.olderCursor ? link(PATH, { avant: page.olderCursor }) : undefined} />

      <section aria-labelledby="telecharger" className="mt-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="telecharger" className="mb-2 text-2xl font-bold">Télécharger l’historique</h2>
        <p className="mb-4">
          Le fichier reprend toutes les lignes qui correspondent aux filtres choisis (type d’acteur :
          {' '}{HISTORY_TABS[filters.tab].filterLabel} ; période : {describePeriod(filters)}), du plus récent au plus ancien.
          Chaque téléchargement est lui-même enregistré dans l’historique.
        </p>
        <p className="flex flex-wrap gap-4">
          {/* Plain links, not next/link: a prefetch would start a download (and its trace). */}
          <a href={link(`${PATH}/export.csv`)} download className={buttonClasses('secondary')}>Télécharger au format CSV (tableur)</a>
          <a href={link(`${PATH}/export.pdf`)} download className={buttonClasses('secondary')}>Télécharger au format PDF</a>
        </p>
      </section>
    </>
  );
}
