import { Alert } from '@/components/ui';
import { readClosureFlash } from '@/app/(public)/fermeture/flash';

const at = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));

/**
 * CLO-1, CLO-3: the dated confirmation shown on the dashboard after a representative closed a child's
 * profile (`/espace?profil-ferme=1`). Renders nothing without a fresh closure.
 */
export async function ClosedChildNotice() {
  const flash = await readClosureFlash();
  if (flash?.whose !== 'CHILD') return null;
  return (
    <Alert variant="success" title={`Le profil de ${flash.firstName} est fermé`}>
      <p>Fermeture enregistrée le {at(flash.closedAt)} : plus personne n’a accès à ce profil.
        {flash.deletion ? ' La suppression de ses données est demandée : elle aura lieu dans les 30 jours, au plus tard sous 3 mois.' : ' Ses données sont archivées pendant 10 ans.'}</p>
    </Alert>
  );
}
