import { Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

/** CLO-3: the dated confirmation of a closure (and CLO-5 of a deletion request). */
export type ClosureData = { firstName: string; closedOn: string; deletion: boolean };
export function ClosureEmail({ firstName, closedOn, deletion }: ClosureData) {
  return (
    <EmailLayout preview="Votre profil Mon espace santé est fermé" title={`Bonjour ${firstName}, votre profil Mon espace santé est fermé`}>
      <Text style={paragraph}>
        Le profil a été fermé le {closedOn}. Plus personne n&apos;y a accès, ni vous ni les professionnels de santé.
      </Text>
      <Text style={paragraph}>
        {deletion
          ? 'Vous avez demandé la suppression des données : elles seront effacées dans un délai de 30 jours, et au plus tard sous 3 mois. Vous recevrez une confirmation. D’ici là, réactiver votre profil annule cette demande.'
          : 'Les données sont conservées pendant 10 ans, puis supprimées. Vous pouvez rouvrir le profil à tout moment pendant cette période en demandant un code provisoire au 3422 ; vous pouvez aussi demander la suppression des données.'}
      </Text>
    </EmailLayout>
  );
}

/** CLO-5: the holder is told once the data is deleted. */
export type PurgedData = { firstName: string };
export function PurgedEmail({ firstName }: PurgedData) {
  return (
    <EmailLayout preview="Vos données Mon espace santé sont supprimées" title={`Bonjour ${firstName}, vos données Mon espace santé sont supprimées`}>
      <Text style={paragraph}>
        Comme vous l&apos;avez demandé, les données de votre profil Mon espace santé ont été supprimées, historique compris.
        Si vous souhaitez un jour un nouveau profil, il commencera vide.
      </Text>
    </EmailLayout>
  );
}

/** CLO-9: a suspension by the Assurance Maladie, with how to object. */
export type SuspensionData = { firstName: string; lastObjectionDay: string };
export function SuspensionEmail({ firstName, lastObjectionDay }: SuspensionData) {
  return (
    <EmailLayout preview="Votre profil Mon espace santé est suspendu" title={`Bonjour ${firstName}, votre profil Mon espace santé est suspendu`}>
      <Text style={paragraph}>
        L&apos;Assurance Maladie a suspendu votre profil à la suite d&apos;un dysfonctionnement ou d&apos;une utilisation
        frauduleuse. Sans contestation de votre part jusqu&apos;au {lastObjectionDay} inclus, il sera fermé automatiquement.
      </Text>
      <Text style={paragraph}>Pour contester, appelez le 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou écrivez à votre caisse.</Text>
    </EmailLayout>
  );
}

/** CMP-10: the opening is impossible for now (duplicate identity); the person is told without delay. */
export type OpeningFailedData = { firstName: string };
export function OpeningFailedEmail({ firstName }: OpeningFailedData) {
  return (
    <EmailLayout preview="Votre profil Mon espace santé ne peut pas être créé pour l’instant" title={`Bonjour ${firstName}, votre profil ne peut pas encore être créé`}>
      <Text style={paragraph}>
        Une vérification de votre identité est nécessaire avant de créer votre profil Mon espace santé. L&apos;Assurance Maladie
        s&apos;en occupe et vous recevrez un avis dès que ce sera fait. Vous n&apos;avez rien à faire ; pour toute question, appelez le 3422.
      </Text>
    </EmailLayout>
  );
}
