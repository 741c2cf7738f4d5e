import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, Button, ButtonLink, ErrorSummary, PageTitle } from '@/components/ui';
import { medicalHref } from '@/components/medical-profile/links';
import { requireAudience } from '@/lib/auth/session';
import { directivesDate } from '@/lib/medical-profile/replace-directives';
import { withProfile } from '../../selected-profile';
import { loadMedicalProfile, whose } from '../load';

export const metadata: Metadata = { title: 'Directives anticipées' };

type Search = { profil?: string; depose?: string; erreur?: string; champ?: string };

/**
 * PRF-4: the current directives anticipées (one PDF) and the form to file them, or to replace them
 * after confirming that the current version will not be kept. A plain multipart post to ./envoi.
 */
export default async function DirectivesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const sp = await searchParams;
  const { profile, directives } = await loadMedicalProfile(actor, sp.profil);
  const field = sp.erreur ? (sp.champ || 'fichier') : undefined;
  const errorOf = (name: string) => (field === name ? sp.erreur : undefined);
  const documentHref = (id: string) => withProfile(`/espace/documents/${id}`, profile.own ? undefined : profile.id);
  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, 'Directives anticipées')}
        lead="Les directives anticipées disent vos volontés sur votre fin de vie (poursuivre, limiter, arrêter ou refuser des traitements) pour le cas où vous ne pourriez plus les exprimer. Vous pouvez les modifier à tout moment." />
      {sp.depose && <Alert variant="success" title={sp.depose === 'remplace' ? 'Directives anticipées remplacées' : 'Directives anticipées déposées'}>
        {sp.depose === 'remplace' ? 'La version précédente a été supprimée.' : 'Les professionnels de santé autorisés peuvent les consulter, sauf si vous les masquez.'}</Alert>}

      <section aria-labelledby="actuelles" className="mb-10 max-w-3xl">
        <h2 id="actuelles" className="mb-4 text-2xl font-bold">Version actuelle</h2>
        {directives ? (
          <p>
            <Link href={documentHref(directives.id)}>Directives anticipées</Link>, déposées le {directivesDate(directives.created_at)}
            {directives.masque_ps && <> <Badge variant="warning">Masquées aux professionnels de santé</Badge></>}
          </p>
        ) : <p>Vous n’avez pas encore déposé de directives anticipées.</p>}
      </section>

      <form method="post" action="/espace/profil-medical/directives-anticipees/envoi" encType="multipart/form-data" noValidate
        aria-labelledby="deposer" className="max-w-2xl rounded-lg border border-border bg-white p-6">
        <h2 id="deposer" className="mb-4 text-2xl font-bold">{directives ? 'Remplacer mes directives anticipées' : 'Déposer mes directives anticipées'}</h2>
        {field && <ErrorSummary autoFocus errors={[{ field, message: sp.erreur! }]} />}
        <input type="hidden" name="profil" value={profile.id} />
        <div className="mb-6">
          <label htmlFor="fichier" className="block font-semibold">Fichier PDF <span className="font-normal text-muted">(obligatoire)</span></label>
          <p id="fichier-hint" className="mt-1 text-sm text-muted">Un seul fichier PDF, 5 Mo au plus : le document signé, scanné ou enregistré en PDF.</p>
          {errorOf('fichier') && <p id="fichier-error" className="mt-1 font-semibold text-error-700"><span className="sr-only">Erreur : </span>{errorOf('fichier')}</p>}
          <input id="fichier" name="fichier" type="file" accept=".pdf,application/pdf" required
            aria-describedby={`fichier-hint${errorOf('fichier') ? ' fichier-error' : ''}`} aria-invalid={Boolean(errorOf('fichier'))}
            className="mt-3 block w-full rounded-md border border-border-strong bg-white p-2" />
        </div>
        {directives && (
          <>
            <Alert variant="warning" title="La version actuelle ne sera pas conservée">
              Vos nouvelles directives anticipées remplaceront celles déposées le {directivesDate(directives.created_at)}, qui seront supprimées définitivement.
            </Alert>
            <div className="mb-6">
              {errorOf('confirmation') && <p id="confirmation-error" className="mt-1 font-semibold text-error-700"><span className="sr-only">Erreur : </span>{errorOf('confirmation')}</p>}
              <div className="mt-2 flex items-start gap-3">
                <input id="confirmation" name="confirmation" type="checkbox" value="oui" aria-invalid={Boolean(errorOf('confirmation'))}
                  aria-describedby={errorOf('confirmation') ? 'confirmation-error' : undefined} className="mt-0.5 size-6 shrink-0 accent-primary-700" />
                <label htmlFor="confirmation" className="font-semibold">
                  Je confirme remplacer mes directives anticipées : la version actuelle ne sera pas conservée.
                </label>
              </div>
            </div>
          </>
        )}
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit">{directives ? 'Remplacer mes directives' : 'Déposer mes directives'}</Button>
          <Link href={medicalHref(profile.id, profile.own)}>Annuler</Link>
        </div>
      </form>
      {!directives && <p className="mt-6"><ButtonLink variant="secondary" href={withProfile('/espace/documents', profile.own ? undefined : profile.id)}>Voir mes documents</ButtonLink></p>}
    </>
  );
}
