import { Link, Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

/**
 * FS-1: « Votre compte conseiller France Services » — a single-use link, valid 72 hours, to choose the
 * password; sent when a CNAM supervisor creates the account (invite) or an agent resets it (reset).
 */
export type AdvisorAccountData = {
  name: string; siteName: string; identifiant: string; purpose: 'invite' | 'reset'; appUrl: string;
};

export const ADVISOR_ACCOUNT_SUBJECT = {
  invite: 'Votre compte conseiller France Services',
  reset: 'Votre compte conseiller France Services : choisissez un nouveau mot de passe',
} as const;

export function AdvisorAccountEmail({ name, siteName, identifiant, purpose, appUrl, link, expiresOn }: AdvisorAccountData & { link: string; expiresOn: string }) {
  return (
    <EmailLayout preview="Choisissez le mot de passe de votre compte conseiller" title={`Bonjour ${name}`}>
      <Text style={paragraph}>
        {purpose === 'invite'
          ? <>L&apos;Assurance Maladie a créé votre compte de conseiller France Services pour l&apos;espace « {siteName} ».</>
          : <>Le mot de passe de votre compte de conseiller France Services (espace « {siteName} ») a été annulé à votre demande : il ne fonctionne plus.</>}
      </Text>
      <Text style={paragraph}>
        Pour choisir votre mot de passe, ouvrez ce lien : <Link href={link}>{link}</Link>
      </Text>
      <Text style={paragraph}>
        Ce lien ne sert qu&apos;une fois et reste valable jusqu&apos;au {expiresOn}. Passé ce délai, demandez un nouveau lien à votre
        référent de l&apos;Assurance Maladie.
      </Text>
      <Text style={paragraph}>
        Ensuite, connectez-vous sur <Link href={`${appUrl}/accompagnement/connexion`}>{`${appUrl}/accompagnement/connexion`}</Link> avec
        votre identifiant, {identifiant}, et votre mot de passe : un code vous sera envoyé par courriel à chaque connexion.
      </Text>
      <Text style={paragraph}>Si vous n&apos;attendiez pas ce message, ne cliquez pas sur le lien et prévenez votre référent.</Text>
    </EmailLayout>
  );
}
