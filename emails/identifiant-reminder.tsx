import { Link, Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** ACT-14: « Identifiant oublié » — the identifiant(s) of the accounts whose verified address this is. */
export type IdentifiantReminderData = { appUrl: string };

export function IdentifiantReminderEmail({ appUrl, identifiants }: IdentifiantReminderData & { identifiants: string[] }) {
  const several = identifiants.length > 1;
  return (
    <EmailLayout preview="Votre identifiant de connexion" title="Votre identifiant de connexion">
      <Text style={paragraph}>
        {several
          ? 'Vous avez demandé à recevoir votre identifiant. Plusieurs comptes Mon espace santé utilisent cette adresse électronique ; voici leurs identifiants :'
          : 'Vous avez demandé à recevoir votre identifiant. Voici l’identifiant de votre compte Mon espace santé :'}
      </Text>
      {identifiants.map((id) => <Text key={id} style={codeStyle}>{id}</Text>)}
      <Text style={paragraph}>
        Pour vous connecter : <Link href={`${appUrl}/connexion`}>{`${appUrl}/connexion`}</Link>. Si vous avez aussi oublié votre mot de
        passe, choisissez « Mot de passe oublié ? » sur cette page.
      </Text>
      <Text style={paragraph}>Si vous n&apos;avez rien demandé, ignorez ce message : personne ne peut se connecter avec votre seul identifiant.</Text>
    </EmailLayout>
  );
}
