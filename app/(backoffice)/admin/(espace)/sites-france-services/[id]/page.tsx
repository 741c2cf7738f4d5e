import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Button, ErrorSummary, Field, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { getSite } from '@/lib/france-services/manage-sites';
import { parsePeriod, siteActivity, type SiteActivity } from '@/lib/france-services/site-activity';
import { updateSiteAction } from '../actions';
import { SiteForm } from '../SiteForm';

export const metadata: Metadata = { title: 'Espace France Services' };

const DONE: Record<string, { title: string; text: string }> = {
  cree: { title: 'L’espace est ajouté', text: 'Vous pouvez maintenant créer les comptes de ses conseillers.' },
  modifie: { title: 'L’espace est modifié', text: 'Le nouveau nom s’affiche partout, y compris pour ses conseillers.' },
};

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const longDay = (iso: string) => day.format(new Date(`${iso}T12:00:00Z`));

type Search = { fait?: string; du?: string; au?: string };

/** FS-1: one site, its advisors and (supervisors) its edition; FS-2, FS-3: its activity over a period, in figures only. */
export default async function SitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const search = await searchParams;
  const db = getDb();
  const now = clock.now();
  const site = await getSite(db, actor, id, now).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { period, errors } = parsePeriod({ du: search.du, au: search.au }, now);
  const activity = errors.length === 0 ? await siteActivity(db, actor, { siteId: site.id, period }, now) : undefined;
  const done = search.fait ? DONE[search.fait] : undefined;
  const mayManage = authorize(actor, 'advisor.manage').allowed;
  const fieldError = (field: 'du' | 'au') => errors.find((e) => e.field === field)?.message;
  const path = `/admin/sites-france-services/${site.id}`;
  return (
    <>
      <PageTitle title={site.name} lead={`${site.commune} (${site.departement}) — ${site.activeAdvisors} conseiller${site.activeAdvisors > 1 ? 's' : ''} actif${site.activeAdvisors > 1 ? 's' : ''}`} />
      {done && <Alert variant="success" title={done.title}>{done.text}</Alert>}
      <p className="mb-8"><Link href={`/admin/conseillers?site=${site.id}`}>Voir les conseillers de cet espace</Link></p>

      <section aria-labelledby="activite" className="mb-10">
        <h2 id="activite" className="mb-2 text-2xl font-bold">Activité de l’espace</h2>
        <p className="mb-4 max-w-3xl">Les visites accompagnées commencées pendant la période (dates en heure de Paris, 366 jours au plus). Seuls des totaux sont affichés, jamais l’identité des personnes aidées.</p>
        <ErrorSummary errors={errors} title="La période choisie n’a pas pu être appliquée" />
        <form method="get" action={path} aria-label="Choisir la période" className="mb-6 grid max-w-3xl gap-x-6 rounded-lg border border-border bg-white p-6 md:grid-cols-2">
          <Field label="Du" name="du" type="date" hint="Format jj/mm/aaaa" defaultValue={search.du ?? period.from} error={fieldError('du')} />
          <Field label="Au" name="au" type="date" hint="Format jj/mm/aaaa, ce jour inclus" defaultValue={search.au ?? period.to} error={fieldError('au')} />
          <div className="md:col-span-2"><Button type="submit">Afficher l’activité</Button></div>
        </form>
        {activity ? <ActivityFigures activity={activity} /> : <p>Corrigez la période pour afficher l’activité.</p>}
      </section>

      {mayManage && (
        <section aria-labelledby="modifier" className="mb-8">
          <h2 id="modifier" className="mb-4 text-2xl font-bold">Modifier l’espace</h2>
          <SiteForm action={updateSiteAction} site={site} submitLabel="Enregistrer les modifications" />
        </section>
      )}
      <p className="mt-6"><Link href="/admin/sites-france-services">Retour à la liste des espaces France Services</Link></p>
    </>
  );
}

function ActivityFigures({ activity }: { activity: SiteActivity }) {
  const { visits } = activity;
  const when = `du ${longDay(activity.period.from)} au ${longDay(activity.period.to)}`;
  return (
    <>
      <h3 className="mb-3 text-xl font-bold">Visites {when}</h3>
      <dl className="mb-6 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Visites accompagnées</dt><dd>{visits.total}</dd>
        <dt className="font-semibold">Terminées par le conseiller</dt><dd>{visits.ended}</dd>
        <dt className="font-semibold">Terminées automatiquement après 60 minutes</dt><dd>{visits.expired}</dd>
        {visits.ongoing > 0 && <><dt className="font-semibold">En cours</dt><dd>{visits.ongoing}</dd></>}
        <dt className="font-semibold">Personnes aidées</dt><dd>{activity.peopleHelped}</dd>
      </dl>
      <Table caption={`Démarches faites ${when}`} rows={activity.actions} rowKey={(a) => a.kind} className="mb-6 max-w-3xl" columns={[
        { key: 'kind', header: 'Démarche', rowHeader: true, cell: (a) => a.label },
        { key: 'count', header: 'Nombre', align: 'right', cell: (a) => a.count },
      ]} />
      <Table caption={`Activité par conseiller ${when}`} rows={activity.advisors} rowKey={(a) => a.advisorId} className="max-w-3xl"
        empty="Aucune visite pendant cette période." columns={[
          { key: 'name', header: 'Conseiller', rowHeader: true, cell: (a) => <Link href={`/admin/conseillers/${a.advisorId}`}>{a.name}</Link> },
          { key: 'visits', header: 'Visites', align: 'right', cell: (a) => a.visits },
          { key: 'people', header: 'Personnes aidées', align: 'right', cell: (a) => a.peopleHelped },
          { key: 'actions', header: 'Démarches', align: 'right', cell: (a) => a.actions },
        ]} />
    </>
  );
}
