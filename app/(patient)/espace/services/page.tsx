import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Badge, Button, ButtonLink, Checkbox, ErrorSummary, PageTitle } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { frenchDay } from '@/lib/measures/format';
import { listCatalogue, type CatalogueService } from '@/lib/services/catalogue';
import { purposeField } from '@/lib/services/connect-service';
import { selectedProfileId, withProfile } from '../selected-profile';
import { connectServiceAction, disconnectServiceAction } from './actions';

export const metadata: Metadata = { title: 'Services connectés' };

type Search = { profil?: string; connecter?: string; connecte?: string; deconnecte?: string; erreur?: string; champ?: string };
const PAGE = '/espace/services';

/** CAT-2, CAT-3, CAT-5, CAT-9: the services a profile can be synchronised with, consent per purpose, disconnection. */
export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  let services: CatalogueService[];
  try {
    services = await listCatalogue(db, actor, profileId, clock.now());
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) notFound(); // an aidant too (CAT-9), traced
    throw error;
  }
  const profiles = await switchableProfiles(db, actor, { manage: true });
  const profil = search.profil;
  const hidden = profil ? <input type="hidden" name="profil" value={profil} /> : null;
  const connecting = services.find((s) => s.id === search.connecter && s.status === 'EN_LIGNE');
  const nameOf = (id?: string) => services.find((s) => s.id === id)?.name;
  return (
    <>
      <PageTitle title="Services connectés"
        lead="Synchronisez Mon espace santé avec des services numériques référencés par l’État. Vous choisissez ce que chaque service peut faire, et vous pouvez le déconnecter à tout moment.">
        <Link href={withProfile('/espace/confidentialite', profil)}>Retour à Confidentialité</Link>
      </PageTitle>
      <ProfileSwitcher profiles={profiles} current={profileId} action={PAGE} />
      {search.erreur && !search.champ && <Alert variant="error" title="L’action n’a pas abouti">{search.erreur}</Alert>}
      {search.connecte && nameOf(search.connecte) && (
        <Alert variant="success" title={`Mon espace santé est synchronisé avec ${nameOf(search.connecte)}`}>
          Le service peut désormais faire ce que vous avez autorisé.
        </Alert>
      )}
      {search.deconnecte && nameOf(search.deconnecte) && (
        <Alert variant="success" title={`${nameOf(search.deconnecte)} est déconnecté`}>
          Il ne peut plus échanger de données avec votre profil. Les données qu’il a déjà transmises restent dans votre profil.
        </Alert>
      )}

      {connecting ? <ConsentForm service={connecting} hidden={hidden} cancelHref={withProfile(PAGE, profil)} error={search.champ ? search : undefined} /> : (
        services.length === 0
          ? <p>Aucun service n’est disponible pour le moment.</p>
          : services.map((s) => <ServiceCard key={s.id} service={s} hidden={hidden} connectHref={withProfile(PAGE, profil, { connecter: s.id })} />)
      )}
    </>
  );
}

function ServiceCard({ service: s, hidden, connectHref }: { service: CatalogueService; hidden: ReactNode; connectHref: string }) {
  const open = s.status === 'EN_LIGNE';
  const consented = s.purposes.filter((p) => p.consented);
  return (
    <section aria-labelledby={`service-${s.id}`} className="mb-8 max-w-3xl rounded-lg border border-border bg-white p-6">
      <h2 id={`service-${s.id}`} className="mb-2 text-2xl font-bold">{s.name}</h2>
      <p className="mb-4 flex flex-wrap gap-2">
        {s.connectedSince ? <Badge variant="success">Connecté</Badge> : <Badge>Non connecté</Badge>}
        {!open && <Badge variant="warning">Échanges suspendus</Badge>}
      </p>
      <p className="mb-4">{s.description}</p>
      {s.connectedSince && (
        <>
          <p className="mb-2">Connecté depuis le {frenchDay(s.connectedSince)}. Vous avez autorisé :</p>
          <ul className="mb-4 list-disc pl-6">{consented.map((p) => <li key={p.code}>{p.label}</li>)}</ul>
        </>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {open && (
          <ButtonLink href={connectHref} variant={s.connectedSince ? 'secondary' : 'primary'}>
            {s.connectedSince ? <>Modifier mes autorisations<span className="sr-only"> pour {s.name}</span></> : `Synchroniser Mon espace santé avec ${s.name}`}
          </ButtonLink>
        )}
        {s.connectedSince && (
          <form action={disconnectServiceAction}>
            {hidden}
            <input type="hidden" name="service" value={s.id} />
            <Button type="submit" variant="danger">Déconnecter<span className="sr-only"> {s.name}</span></Button>
          </form>
        )}
      </div>
    </section>
  );
}

/** CAT-3: one checkbox per purpose; mandatory ones are ticked and marked required, optional ones may be left unticked. */
function ConsentForm({ service: s, hidden, cancelHref, error }: {
  service: CatalogueService; hidden: ReactNode; cancelHref: string; error?: { erreur?: string; champ?: string };
}) {
  const fieldError = error?.erreur && error.champ ? { field: error.champ, message: error.erreur } : undefined;
  return (
    <section aria-labelledby="consentement" className="mb-8 max-w-3xl rounded-lg border border-border bg-white p-6">
      <h2 id="consentement" className="mb-2 text-2xl font-bold">Synchroniser Mon espace santé avec {s.name}</h2>
      <p className="mb-2">{s.description}</p>
      <p className="mb-6">Vous pourrez déconnecter ce service à tout moment : il ne pourra plus rien envoyer ni lire, et les données qu’il aura déjà transmises resteront dans votre profil.</p>
      {fieldError && <ErrorSummary errors={[fieldError]} />}
      <form action={connectServiceAction} noValidate>
        {hidden}
        <input type="hidden" name="service" value={s.id} />
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">Ce que {s.name} pourra faire</legend>
          {s.purposes.map((p) => (
            <Checkbox key={p.code} id={purposeField(p.code)} name="finalites" value={p.code} label={p.label} required={p.mandatory}
              defaultChecked={fieldError?.field === purposeField(p.code) ? false : p.mandatory || p.consented}
              hint={p.mandatory ? 'Sans cette autorisation, le service ne peut pas fonctionner.' : 'Facultatif : vous pouvez ne pas cocher cette case.'}
              error={fieldError?.field === purposeField(p.code) ? fieldError.message : undefined} />
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit">Confirmer la synchronisation</Button>
          <Link href={cancelHref}>Annuler</Link>
        </div>
      </form>
    </section>
  );
}
