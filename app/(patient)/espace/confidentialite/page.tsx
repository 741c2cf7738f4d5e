import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Button, Field, PageTitle, Table } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { getDb } from '@/db/client';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { administrateurOf } from '@/lib/confidentiality/administrateur';
import { listAuthorisedProfessionals, type AuthorisedProfessional } from '@/lib/confidentiality/authorised-professionals';
import { maskAllStatus } from '@/lib/confidentiality/mask-all';
import { blockedProfessionals, searchProfessionals } from '@/lib/confidentiality/professional-blocks';
import { privacyOf } from '@/lib/confidentiality/settings';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { selectedProfileId, withProfile } from '../selected-profile';
import { administrateurAction, blockAction, emergencyTogglesAction, endAuthorisationAction, maskAllAction, retryMaskAllAction } from './actions';

export const metadata: Metadata = { title: 'Confidentialité' };

type Search = { profil?: string; recherche?: string; erreur?: string; champ?: string; masquage?: string; urgence?: string; bloque?: string; debloque?: string; administrateur?: string; retrait?: string };

/** VIS-3..5 mask-all, EMG-1 emergency toggles, PRO-5 authorised and PRO-7 blocked professionals: the holder's or a representative's choices. */
export default async function ConfidentialityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const now = clock.now();
  try {
    await ensureOnProfile(db, actor, 'privacy.manage', profileId, 'privacy.view', now);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) notFound();
    throw error;
  }
  let results: Awaited<ReturnType<typeof searchProfessionals>> | undefined;
  let searchError: string | undefined;
  if (search.recherche !== undefined) {
    try {
      results = await searchProfessionals(db, actor, profileId, search.recherche, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      searchError = error.message;
    }
  }
  const [maskAll, privacy, blocked, profiles, administrateur, authorised] = await Promise.all([
    maskAllStatus(db, profileId), privacyOf(db, profileId), blockedProfessionals(db, profileId), switchableProfiles(db, actor, { manage: true }), administrateurOf(db, profileId),
    listAuthorisedProfessionals(db, actor, profileId, now)]);
  const profil = search.profil;
  const hidden = profil ? <input type="hidden" name="profil" value={profil} /> : null;
  const run = maskAll.lastRun;
  const running = run?.status === 'PENDING';
  const proName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;
  return (
    <>
      <PageTitle title="Confidentialité" lead="Choisissez ce que les professionnels de santé peuvent voir de votre profil, y compris en cas d’urgence, désignez un professionnel administrateur et bloquez ceux que vous ne souhaitez pas voir y accéder." />
      <ProfileSwitcher profiles={profiles} current={profileId} action="/espace/confidentialite" />
      {search.erreur && !search.champ && <Alert variant="error" title="L’action n’a pas abouti">{search.erreur}</Alert>}
      <p className="mb-8"><Link href={withProfile('/espace/services', profil)}>Services connectés : synchroniser Mon espace santé avec une application, ou la déconnecter</Link></p>
      <p className="-mt-6 mb-8"><Link href="/espace/confidentialite/matrice">Qui peut voir quels documents : les accès ouverts à chaque profession de santé</Link></p>
      {profileId === actor.ownProfileId && <p className="-mt-6 mb-8"><Link href="/espace/aidants">Mes aidants : donner ou retirer l’accès à votre profil à un proche qui vous aide</Link></p>}

      <section aria-labelledby="masquage" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="masquage" className="mb-2 text-2xl font-bold">Masquer tous mes documents</h2>
        {search.masquage === 'active' && <Alert variant="success" title="Masquage demandé">Vos documents sont en cours de masquage ; les prochains arriveront masqués.</Alert>}
        {search.masquage === 'desactive' && <Alert variant="success" title="Masquage retiré">Les documents masqués un par un le restent.</Alert>}
        <p className="mb-4">
          {maskAll.maskAll
            ? 'Tous vos documents, votre rubrique « Mon histoire de santé » et vos directives anticipées sont masqués aux professionnels de santé, et chaque nouveau document arrive masqué. Seuls le professionnel qui a déposé un document et votre professionnel administrateur les voient encore.'
            : 'Vos documents sont visibles des professionnels de santé autorisés, sauf ceux que vous avez masqués un par un. Vous pouvez masquer d’un coup tous vos documents, votre rubrique « Mon histoire de santé » et vos directives anticipées, ainsi que les documents à venir.'}
        </p>
        {running && <p className="mb-4" role="status">Le traitement de vos documents est en cours ; rechargez la page dans un instant.</p>}
        {run?.status === 'FAILED' && (
          <Alert variant="warning" title={run.mask ? 'Certains documents n’ont pas pu être masqués' : 'Certains documents n’ont pas pu être rendus visibles'}>
            <p>{run.failed} document{run.failed > 1 ? 's' : ''} n’{run.failed > 1 ? 'ont' : 'a'} pas pu être traité{run.failed > 1 ? 's' : ''}.</p>
            <form action={retryMaskAllAction}>{hidden}<Button type="submit" variant="secondary">Réessayer</Button></form>
          </Alert>
        )}
        <form action={maskAllAction}>
          {hidden}
          <input type="hidden" name="masquer" value={maskAll.maskAll ? 'non' : 'oui'} />
          <Button type="submit" variant={maskAll.maskAll ? 'secondary' : 'primary'}>
            {maskAll.maskAll ? 'Ne plus masquer tous mes documents' : 'Je masque tous mes documents et ma rubrique histoire de santé'}
          </Button>
        </form>
      </section>

      <section aria-labelledby="urgence" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="urgence" className="mb-2 text-2xl font-bold">Accès en cas d’urgence</h2>
        {search.urgence && <Alert variant="success" title="Vos choix pour les urgences sont enregistrés" />}
        <p className="mb-4">En cas d’urgence, si vous ne pouvez pas donner votre accord, un professionnel de santé peut avoir besoin de consulter votre profil. Chaque accès en urgence vous est signalé aussitôt par courriel.</p>
        <form action={emergencyTogglesAction}>
          {hidden}
          <fieldset className="mb-6 space-y-5">
            <legend className="sr-only">Accès en cas d’urgence</legend>
            <Toggle name="regulation" checked={privacy.emergencyRegulation} label="Le médecin du SAMU (centre 15) peut accéder à mon profil en cas d’urgence"
              hint="Lors d’un appel au 15, le médecin régulateur peut consulter vos documents pour décider de l’aide à vous apporter." />
            <Toggle name="autres" checked={privacy.emergencyOther} label="Les autres professionnels de santé peuvent accéder à mon profil en cas d’urgence"
              hint="Si votre vie est en danger et que vous ne pouvez pas l’exprimer, un professionnel peut consulter votre profil pendant 2 heures, sans pouvoir le modifier, en justifiant cet accès." />
            <Toggle name="masques" checked={privacy.emergencyMaskedVisible} label="En cas d’urgence, ils peuvent aussi voir mes documents masqués"
              hint="Sans cette autorisation, les documents que vous avez masqués restent cachés, même en urgence." />
          </fieldset>
          <Button type="submit">Enregistrer mes choix</Button>
        </form>
      </section>

      <section aria-labelledby="administrateur" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="administrateur" className="mb-2 text-2xl font-bold">Mon professionnel administrateur</h2>
        {search.administrateur === 'designe' && <Alert variant="success" title="Administrateur désigné" />}
        {search.administrateur === 'retire' && <Alert variant="success" title="Vous n’avez plus d’administrateur" />}
        <p className="mb-4">Vous pouvez désigner un professionnel de santé de confiance, par exemple votre médecin traitant, qui voit aussi vos documents masqués et peut bloquer d’autres professionnels. Il ne peut ni démasquer vos documents, ni débloquer un professionnel, ni changer vos réglages. Le bloquer met fin à ce rôle.</p>
        {administrateur ? (
          <form action={administrateurAction} className="flex flex-wrap items-center gap-4">
            {hidden}
            <p className="font-semibold">{proName(administrateur)}, {administrateur.profession_label}{administrateur.city ? ` (${administrateur.city})` : ''}</p>
            <Button type="submit" variant="secondary">Retirer ce rôle</Button>
          </form>
        ) : <p>Aucun administrateur désigné. Recherchez un professionnel ci-dessous pour le désigner.</p>}
      </section>

      <section aria-labelledby="autorises" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="autorises" className="mb-2 text-2xl font-bold">Professionnels autorisés</h2>
        {search.retrait && <Alert variant="success" title={`L’autorisation de ${search.retrait} est retirée`}>Ce professionnel devra de nouveau obtenir votre accord, lors d’une consultation, pour accéder à votre profil.</Alert>}
        <p className="mb-4">Ces professionnels de santé peuvent consulter votre profil et y ajouter des documents : vous les avez autorisés lors d’une consultation, ou ils font partie de votre équipe de soins et vous en avez été informé. Vous pouvez retirer une autorisation à tout moment.</p>
        {authorised.length === 0 ? <p>Aucun professionnel de santé n’est autorisé à accéder à votre profil pour le moment.</p> : (
          <ul className="divide-y divide-border">
            {authorised.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-4 py-3">
                <p><span className="font-semibold">{authorisedName(p)}</span>, {authorisedPlace(p)} — {authorisedSince(p)}</p>
                <form action={endAuthorisationAction}>
                  {hidden}
                  <input type="hidden" name="professionnel" value={p.id} />
                  <input type="hidden" name="nom" value={authorisedName(p)} />
                  <Button type="submit" variant="secondary" aria-label={`Retirer l’autorisation de ${authorisedName(p)}`}>Retirer l’autorisation</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="bloques" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="bloques" className="mb-2 text-2xl font-bold">Professionnels de santé bloqués</h2>
        {search.bloque && <Alert variant="success" title={`${search.bloque} est bloqué`}>Ce professionnel ne peut plus accéder à votre profil, même en urgence.</Alert>}
        {search.debloque && <Alert variant="success" title={`${search.debloque} est débloqué`}>Il devra de nouveau obtenir votre accord pour accéder à votre profil.</Alert>}
        <p className="mb-4">Un professionnel bloqué ne peut plus consulter votre profil ni y ajouter de documents, même en urgence. Vous n’avez pas à vous justifier.</p>
        <Table caption="Professionnels bloqués" rows={blocked} rowKey={(p) => p.id} empty="Vous n’avez bloqué aucun professionnel de santé."
          columns={[
            { key: 'name', header: 'Nom', rowHeader: true, cell: (p) => proName(p) },
            { key: 'profession', header: 'Profession', cell: (p) => p.profession_label },
            { key: 'city', header: 'Ville', cell: (p) => p.city ?? '—' },
            { key: 'action', header: 'Action', cell: (p) => (
              <form action={blockAction}>
                {hidden}
                <input type="hidden" name="professionnel" value={p.id} />
                <input type="hidden" name="nom" value={proName(p)} />
                <input type="hidden" name="bloquer" value="non" />
                <Button type="submit" variant="link" aria-label={`Débloquer ${proName(p)}`}>Débloquer</Button>
              </form>
            ) },
          ]} />
        <form method="get" action="/espace/confidentialite#bloques" role="search" aria-label="Rechercher un professionnel de santé à bloquer ou à désigner">
          {hidden}
          <Field label="Rechercher un professionnel de santé" name="recherche" type="search" defaultValue={search.recherche ?? ''}
            hint="Nom, profession, ville ou numéro RPPS, pour le bloquer ou le désigner administrateur." error={searchError} />
          <Button type="submit" variant="secondary">Rechercher</Button>
        </form>
        {results && (
          <div className="mt-6">
            <Table caption={`Résultats de la recherche « ${search.recherche} »`} rows={results} rowKey={(p) => p.id}
              empty="Aucun professionnel de santé ne correspond à cette recherche."
              columns={[
                { key: 'name', header: 'Nom', rowHeader: true, cell: (p) => proName(p) },
                { key: 'profession', header: 'Profession', cell: (p) => p.profession_label },
                { key: 'city', header: 'Ville', cell: (p) => p.city ?? '—' },
                { key: 'rpps', header: 'RPPS', cell: (p) => p.rpps },
                { key: 'action', header: 'Actions', cell: (p) => (p.blocked ? 'Déjà bloqué' : (
                  <div className="flex flex-wrap gap-2">
                    <form action={blockAction}>
                      {hidden}
                      <input type="hidden" name="professionnel" value={p.id} />
                      <input type="hidden" name="nom" value={proName(p)} />
                      <input type="hidden" name="bloquer" value="oui" />
                      <Button type="submit" variant="danger" aria-label={`Bloquer ${proName(p)}`}>Bloquer</Button>
                    </form>
                    {administrateur?.id !== p.id && (
                      <form action={administrateurAction}>
                        {hidden}
                        <input type="hidden" name="professionnel" value={p.id} />
                        <Button type="submit" variant="secondary" aria-label={`Désigner ${proName(p)} comme administrateur`}>Désigner administrateur</Button>
                      </form>
                    )}
                  </div>
                )) },
              ]} />
          </div>
        )}
      </section>
    </>
  );
}

const longDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** « Dr » for médecins and chirurgiens-dentistes (TRE_G15 10, 40). */
const authorisedName = (p: AuthorisedProfessional) => `${['10', '40'].includes(p.profession_code) ? 'Dr ' : ''}${p.given_name} ${p.family_name}`;
const authorisedPlace = (p: AuthorisedProfessional) =>
  `${p.profession_label}${p.facility_name ? `, ${p.facility_name}` : ''}${p.city ? ` (${p.city})` : ''}`;
/** PRO-5 « Autorisé depuis le [date] »; PRO-4 the latest « patient informé » attestation. */
const authorisedSince = (p: AuthorisedProfessional) => (p.basis === 'CONSENT'
  ? `Autorisé depuis le ${longDay.format(p.granted_at)}`
  : `Équipe de soins, patient informé le ${longDay.format(p.last_attested_at)}`);

/** One emergency toggle: a checkbox with its plain-French explanation tied by aria-describedby. */
function Toggle({ name, checked, label, hint }: { name: string; checked: boolean; label: string; hint: string }) {
  return (
    <div className="flex gap-3">
      <input type="checkbox" id={`urgence-${name}`} name={name} defaultChecked={checked} aria-describedby={`urgence-${name}-hint`}
        className="mt-1 size-6 shrink-0 accent-primary-700" />
      <div>
        <label htmlFor={`urgence-${name}`} className="font-semibold">{label}</label>
        <p id={`urgence-${name}-hint`} className="text-muted">{hint}</p>
      </div>
    </div>
  );
}
