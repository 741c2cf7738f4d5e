import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgendaList } from '@/components/agenda/AgendaList';
import { AppointmentForm } from '@/components/agenda/AppointmentForm';
import { ReminderForm } from '@/components/agenda/ReminderForm';
import { PreventionSection } from '@/components/prevention/PreventionItems';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { Alert, ButtonLink, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { listAgenda } from '@/lib/agenda/list-agenda';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { listChildrenPreventionItems, listPreventionItems } from '@/lib/prevention/list-items';
import { selectedProfileId } from '../selected-profile';
import { addAppointmentAction, addReminderAction, deleteAppointmentAction, deleteReminderAction } from './actions';
import { agendaHref } from './links';
import { markPreventionItemAction } from './prevention-actions';

export const metadata: Metadata = { title: 'Agenda' };

type Search = { profil?: string; avant?: string; enregistre?: string; supprime?: string; erreur?: string };

const SAVED: Record<string, string> = { 'rendez-vous': 'Rendez-vous enregistré.', rappel: 'Rappel enregistré.', modification: 'Rendez-vous modifié.', suivi: 'Suivi mis à jour.' };
const DELETED: Record<string, string> = { 'rendez-vous': 'Rendez-vous supprimé.', rappel: 'Rappel supprimé.' };

/**
 * « Agenda » (AGD-1..5): the AGD-3 statement, upcoming appointments and reminders, the past ones in a
 * separate list paged by keyset (`?avant=`), the forms and the .ics export; for the holder or, with
 * `?profil=`, a represented child (REP-5).
 */
export default async function AgendaPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const now = clock.now();
  const pages = await Promise.all([
    listAgenda(db, actor, { profileId, when: 'upcoming', limit: 100 }, now),
    listAgenda(db, actor, { profileId, when: 'past', after: search.avant }, now),
  ]).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return e;
    throw e;
  });
  if (pages instanceof Error) notFound(); // another account's profile: like an unknown one (traced by the use case)
  const [upcoming, past] = pages;
  const { profile } = upcoming;
  const own = profile.own;
  // AGD-6, AGD-7: the profile's prevention items (refreshed on opening), and the children's on the holder's own agenda.
  const [prevention, childrenPrevention] = await Promise.all([listPreventionItems(db, actor, { profileId: profile.id }, now),
    own ? listChildrenPreventionItems(db, actor, now) : []]);
  const profiles = (await listAccessibleProfiles(db, actor)).filter((p) => p.id === profile.id || p.state === 'ACTIVE');
  const href = (path = '', extra: Record<string, string> = {}) => agendaHref(profile.id, own, path, extra);
  const lists = { profileId: profile.id, editHref: (id: string) => href(`/rendez-vous/${id}`),
    deleteAppointment: deleteAppointmentAction, deleteReminder: deleteReminderAction };
  return (
    <>
      <PageTitle title={own ? 'Mon agenda' : `Agenda de ${profile.firstName}`}
        lead="Notez vos rendez-vous médicaux et vos rappels, et recevez un e-mail le jour venu." />
      <Alert variant="info" title="Pas de prise de rendez-vous">
        Mon espace santé n’est pas un outil de prise de rendez-vous : notez ici ceux que vous avez pris auprès des professionnels de santé.
      </Alert>
      <ProfileSwitcher action="/espace/agenda" current={profile.id}
        profiles={profiles.map((p) => ({ id: p.id, label: p.id === actor.ownProfileId ? 'Mon profil' : p.firstName }))} />
      {search.enregistre && SAVED[search.enregistre] && <Alert variant="success" title={SAVED[search.enregistre]!}>Votre agenda est à jour.</Alert>}
      {search.supprime && DELETED[search.supprime] && <Alert variant="success" title={DELETED[search.supprime]!}>Votre agenda est à jour.</Alert>}
      {search.erreur && <Alert variant="error" title="L’action n’a pas été faite">{search.erreur}</Alert>}
      <p className="mb-8">
        <ButtonLink variant="secondary" href={`/espace/agenda/export.ics?profil=${profile.id}`} prefetch={false}>Exporter mon agenda (.ics)</ButtonLink>
      </p>
      <section aria-labelledby="a-venir" className="mb-10">
        <h2 id="a-venir" className="mb-4 text-2xl font-bold">À venir</h2>
        <AgendaList items={upcoming.items} empty="Aucun rendez-vous ni rappel à venir." {...lists} />
      </section>
      <PreventionSection own={prevention} represented={childrenPrevention} pageProfileId={profile.id} mark={markPreventionItemAction} />
      <div className="mb-10 grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="ajouter-rdv">
          <h2 id="ajouter-rdv" className="mb-4 text-2xl font-bold">Ajouter un rendez-vous</h2>
          <AppointmentForm profileId={profile.id} action={addAppointmentAction} />
        </section>
        <section aria-labelledby="ajouter-rappel">
          <h2 id="ajouter-rappel" className="mb-4 text-2xl font-bold">Ajouter un rappel</h2>
          <ReminderForm profileId={profile.id} action={addReminderAction} />
        </section>
      </div>
      <section aria-labelledby="passes">
        <h2 id="passes" className="mb-4 text-2xl font-bold">Passés</h2>
        <AgendaList items={past.items} empty={search.avant ? 'Rien de plus ancien.' : 'Aucun rendez-vous ni rappel passé.'} {...lists} />
        <p className="mt-4 flex gap-6">
          {search.avant && <Link href={href()}>Revenir aux plus récents</Link>}
          {past.next && <Link href={href('', { avant: past.next })}>Voir les plus anciens</Link>}
        </p>
      </section>
    </>
  );
}
