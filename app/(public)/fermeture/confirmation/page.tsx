import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { readClosureFlash } from '../flash';

export const metadata: Metadata = { title: 'Profil fermé' };

const at = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
const day = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** CLO-3: the dated confirmation, after the holder's own closure (signed out) or a closure with a code (OPP-8). */
export default async function ClosureConfirmationPage() {
  const flash = await readClosureFlash();
  if (!flash) redirect('/');
  const own = flash.whose === 'OWN';
  return (
    <>
      <PageTitle title={own ? 'Votre profil est fermé' : 'Le profil est fermé'} />
      <Alert variant="success" title={`Fermeture enregistrée le ${at(flash.closedAt)}`}>
        <p>Plus personne n’a accès au profil, ni {own ? 'vous' : 'son titulaire'} ni les professionnels de santé.{own && ' Vous avez été déconnecté(e).'}</p>
        <p>Une confirmation datée est envoyée par courriel quand une adresse est connue.</p>
      </Alert>
      <section aria-labelledby="suite" className="max-w-3xl space-y-3">
        <h2 id="suite" className="text-2xl font-bold">Et maintenant ?</h2>
        {flash.deletion && flash.purgeDueOn ? (
          <>
            <p>La suppression des données est demandée : elle aura lieu le {day(flash.purgeDueOn)}, et au plus tard sous 3 mois.</p>
            <p>Vous changez d’avis ? Réactivez le profil avant cette date : réactiver annule la demande de suppression.</p>
          </>
        ) : (
          <p>Les données sont archivées pendant 10 ans, puis supprimées. Pendant ces 10 ans, vous pouvez rouvrir le profil et retrouver ses données.</p>
        )}
        <p>Pour rouvrir le profil : <Link href="/activation/nouveau-code">recevez un nouveau code provisoire</Link> (ou demandez-le au 3422), puis saisissez-le sur la page <Link href="/activation">Activer mon profil</Link> en cochant la case de réouverture.</p>
        <p><Link href="/">Revenir à l’accueil</Link></p>
      </section>
    </>
  );
}
