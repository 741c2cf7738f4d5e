import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, ButtonLink, PageTitle, Table } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { getDb } from '@/db/client';
import { visitProfiles } from '@/lib/france-services/visits/assisted-actions';
import { STATE_LABELS, offeredActions } from '@/lib/france-services/visits/rules';
import { summaryTime } from '@/lib/france-services/visits/summary';
import { endVisitAction, sendCodeAction } from './actions';
import { advisorInVisitOrRedirect } from './visit-guard';

export const metadata: Metadata = { title: 'Accompagnement en cours' };

type Search = { code?: string; vers?: string; notifications?: string; coordonnees?: string; opposition?: string; activation?: string; fermeture?: string; suppression?: string; erreur?: string };

const day = (iso: string) => iso.split('-').reverse().join('/');

/** FS-2, FS-3: the visit in progress: who it covers (administrative only, FS-4), what can be done, the end. */
export default async function VisitPage({ searchParams }: { searchParams: Promise<Search> }) {
  const advisor = await advisorInVisitOrRedirect();
  const search = await searchParams;
  const db = getDb();
  const profiles = await visitProfiles(db, advisor);
  const person = profiles.find((p) => p.id === advisor.visit.personProfileId);
  const receipts = await db.selectFrom('assisted_visit_actions as a').innerJoin('profiles as p', 'p.id', 'a.profile_id')
    .select(['a.reference', 'p.first_names', 'p.birth_name']).where('a.visit_id', '=', advisor.visit.id).where('a.kind', '=', 'OPPOSITION').orderBy('a.at').execute();
  const offers = profiles.map((p) => ({ ...p, offer: offeredActions(p) }));
  const name = (p: { firstNames: string; birthName: string }) => `${p.firstNames.split(' ')[0]} ${p.birthName}`;
  return (
    <>
      <PageTitle title={`Accompagnement de ${person ? name(person) : 'la personne'}`}
        lead={`Commencé à ${summaryTime(new Date(advisor.visit.expiresAt.getTime() - 3600_000))}, il se termine au plus tard à ${summaryTime(advisor.visit.expiresAt)}.`} />
      {search.code && <Alert variant="success" title="Nouveau code provisoire envoyé">
        Le code a été envoyé {search.code === 'sms' ? 'par SMS au' : 'par courriel à'} {search.vers}. Il remplace les codes précédents.
      </Alert>}
      {search.notifications && <Alert variant="success" title="Les préférences de notification sont enregistrées" />}
      {search.coordonnees && <Alert variant="success" title="Les coordonnées sont enregistrées" />}
      {search.activation && <Alert variant="success" title="Le profil est activé">La personne peut maintenant se connecter avec ses identifiants.</Alert>}
      {search.fermeture && <Alert variant="success" title="Le profil est fermé">Plus personne n’y a accès. Le récapitulatif dit à la personne ce qui suit.</Alert>}
      {search.suppression && <Alert variant="success" title="La suppression des données est demandée">Les données seront effacées dans un délai de 30 jours.</Alert>}
      {search.opposition && <Alert variant="success" title="L’opposition est enregistrée">Imprimez le récépissé et remettez-le à la personne.</Alert>}
      {search.erreur && <Alert variant="error" title="La démarche n’a pas abouti">{search.erreur}</Alert>}

      <section aria-labelledby="personnes" className="mb-10 max-w-4xl">
        <h2 id="personnes" className="mb-2 text-2xl font-bold">Personnes concernées</h2>
        <p className="mb-4">La personne présente et les profils qu’elle représente. Vous ne voyez jamais leur contenu médical.</p>
        <Table caption="Personnes concernées par l’accompagnement" captionHidden rows={offers} rowKey={(p) => p.id}
          columns={[
            { key: 'name', header: 'Nom', rowHeader: true, cell: (p) => `${name(p)}${p.relation === 'SELF' ? ' (personne présente)' : ''}` },
            { key: 'birth', header: 'Date de naissance', cell: (p) => day(p.birthDate) },
            { key: 'state', header: 'Profil Mon espace santé', cell: (p) => STATE_LABELS[p.state] },
            { key: 'actions', header: 'Démarches', cell: (p) => (
              <div className="flex flex-col items-start gap-2">
                {p.offer.notifications && <Link href="/accompagnement/visite/notifications">Régler les notifications<span className="sr-only"> de {name(p)}</span></Link>}
                {p.offer.contact && <Link href="/accompagnement/visite/coordonnees">Modifier les coordonnées<span className="sr-only"> de {name(p)}</span></Link>}
                {p.offer.newCode && (
                  <form action={sendCodeAction}>
                    <input type="hidden" name="profileId" value={p.id} />
                    <SubmitButton variant="secondary">{`Envoyer un nouveau code provisoire à ${name(p)}`}</SubmitButton>
                  </form>
                )}
                {p.offer.activation && <Link href="/accompagnement/visite/activation">Aider à activer le profil<span className="sr-only"> de {name(p)}</span></Link>}
                {p.offer.opposition && <Link href="/accompagnement/visite/opposition">Enregistrer une opposition<span className="sr-only"> pour {name(p)}</span></Link>}
                {p.offer.closure && <Link href="/accompagnement/visite/fermeture">
                  {p.state === 'CLOSED' ? 'Demander la suppression des données' : 'Fermer le profil'}<span className="sr-only"> de {name(p)}</span></Link>}
                {!Object.values(p.offer).some(Boolean) && <span>Aucune démarche possible ici</span>}
              </div>
            ) },
          ]} />
      </section>

      {receipts.length > 0 && (
        <section aria-labelledby="recepisses" className="mb-10 max-w-4xl">
          <h2 id="recepisses" className="mb-2 text-2xl font-bold">Récépissés d’opposition à imprimer</h2>
          <ul className="list-disc pl-6">
            {receipts.map((r) => (
              <li key={r.reference}><a href={`/accompagnement/visite/recepisse/${r.reference}`}>Récépissé de {name({ firstNames: r.first_names, birthName: r.birth_name })} (PDF)</a></li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="fin" className="mb-10 max-w-4xl rounded-lg border border-border bg-white p-6">
        <h2 id="fin" className="mb-2 text-2xl font-bold">Fin de l’accompagnement</h2>
        <p className="mb-4">Quand vous avez terminé, mettez fin à l’accompagnement : vous ne pourrez plus agir pour cette personne. Un récapitulatif à imprimer lui est ensuite proposé.</p>
        <div className="flex flex-wrap items-center gap-4">
          <form action={endVisitAction}><SubmitButton>Terminer l’accompagnement</SubmitButton></form>
          <ButtonLink variant="secondary" href={`/accompagnement/recapitulatif/${advisor.visit.id}`}>Voir le récapitulatif</ButtonLink>
        </div>
      </section>
    </>
  );
}
