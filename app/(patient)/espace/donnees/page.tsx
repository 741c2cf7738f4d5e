import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, Badge, Button, ErrorSummary, Field, PageTitle, Table } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { dateTimeFr, formatSize } from '@/components/documents/labels';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { exportsOf } from '@/lib/export/request-export';
import { selectedProfileId } from '../selected-profile';
import { confirmExportAction, sendExportCodeAction } from './actions';

export const metadata: Metadata = { title: 'Télécharger mes données' };

type Search = { profil?: string; code?: string; demande?: string; erreur?: string; champ?: string };

/** CLO-12: "Télécharger mes données": a fresh code by email, then a ZIP prepared in the background, kept 7 days. */
export default async function DataExportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const now = clock.now();
  const exports = await exportsOf(db, actor, profileId, now).catch((e: unknown) => {
    if (e instanceof NotFoundError || e instanceof AccessDeniedError) notFound();
    throw e;
  });
  const profiles = await switchableProfiles(db, actor, { manage: true });
  const profil = search.profil;
  const hidden = profil ? <input type="hidden" name="profil" value={profil} /> : null;
  const codeError = search.champ === 'code' ? search.erreur : undefined;
  const pending = exports.some((e) => e.status === 'PENDING');
  return (
    <>
      <PageTitle title="Télécharger mes données" lead="Recevez une copie de toutes les données de ce profil dans un fichier ZIP : vos documents, vos données de santé et l’historique d’activité." />
      <ProfileSwitcher profiles={profiles} current={profileId} action="/espace/donnees" />
      {search.demande && <Alert variant="success" title="Demande enregistrée">Votre fichier est en préparation. Il apparaîtra ci-dessous dès qu’il sera prêt ; rechargez la page dans quelques instants.</Alert>}
      {search.erreur && !search.champ && <Alert variant="error" title="La demande n’a pas abouti">{search.erreur}</Alert>}

      <section aria-labelledby="contenu-fichier" className="mb-10 max-w-3xl">
        <h2 id="contenu-fichier" className="mb-2 text-2xl font-bold">Ce que contient le fichier</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>les fichiers originaux de vos documents de santé ;</li>
          <li>vos données de santé (profil médical, mesures, liste des documents) au format international FHIR, lisible par d’autres services de santé ;</li>
          <li>l’historique d’activité de votre profil, au format tableur (CSV).</li>
        </ul>
        <p className="mt-4">Pour protéger vos données, nous vous envoyons d’abord un code par courriel. Le fichier reste téléchargeable pendant 7 jours.</p>
      </section>

      <section aria-labelledby="demande" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="demande" className="mb-4 text-2xl font-bold">Demander le fichier</h2>
        {search.code ? (
          <form action={confirmExportAction} noValidate>
            {codeError && <ErrorSummary autoFocus errors={[{ field: 'code', message: codeError }]} />}
            {hidden}
            <input type="hidden" name="challenge" value={search.code} />
            <Field label="Code reçu par courriel" name="code" required inputMode="numeric" autoComplete="one-time-code" maxLength={6}
              hint="6 chiffres, valable 10 minutes." error={codeError} inputClassName="max-w-48" />
            <div className="flex flex-wrap items-center gap-4">
              <Button type="submit">Confirmer et préparer le fichier</Button>
            </div>
          </form>
        ) : (
          <form action={sendExportCodeAction}>
            {hidden}
            <Button type="submit" disabled={pending}>Recevoir un code par courriel</Button>
            {pending && <p className="mt-2 text-muted">Un fichier est déjà en préparation.</p>}
          </form>
        )}
      </section>

      <Table caption="Mes demandes" rows={exports} rowKey={(e) => e.id} empty="Aucune demande pour le moment."
        columns={[
          { key: 'date', header: 'Demandé le', rowHeader: true, cell: (e) => dateTimeFr.format(e.requested_at) },
          { key: 'status', header: 'État', cell: (e) => (e.status === 'PENDING' ? <Badge variant="info">En préparation</Badge>
            : e.status === 'FAILED' ? <Badge variant="error">Échec : refaites une demande</Badge>
              : e.blob_key && e.expires_at && e.expires_at > now ? <Badge variant="success">{`Prêt jusqu’au ${dateTimeFr.format(e.expires_at)}`}</Badge>
                : <Badge variant="neutral">Expiré</Badge>) },
          { key: 'file', header: 'Fichier', cell: (e) => (e.status === 'READY' && e.blob_key && e.expires_at && e.expires_at > now
            ? <a href={`/espace/donnees/${e.id}/telecharger`} download>Télécharger le fichier ZIP ({formatSize(Number(e.size_bytes))})</a> : '—') },
        ]} />
    </>
  );
}
