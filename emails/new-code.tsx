import { Link, Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** CMP-8 / BO-3: a new code provisoire, replacing the previous ones. */
export type NewCodeData = { firstName: string; appUrl: string };

export function NewCodeEmail({ firstName, appUrl, code, codeExpiresOn }: NewCodeData & { code: string; codeExpiresOn: string }) {
  return (
    <EmailLayout preview="Votre nouveau code provisoire" title={`Bonjour ${firstName}, voici votre nouveau code provisoire`}>
      <Text style={paragraph}>Vous avez demandé un nouveau code pour activer votre profil Mon espace santé. Voici votre nouveau code provisoire :</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>
        Il est valable jusqu&apos;au {codeExpiresOn} et remplace les codes reçus auparavant, qui ne fonctionnent plus.
        Rendez-vous sur <Link href={`${appUrl}/activation`}>{`${appUrl}/activation`}</Link> avec votre carte Vitale.
      </Text>
      <Text style={paragraph}>Si vous n&apos;avez rien demandé, contactez le 3422.</Text>
    </EmailLayout>
  );
}
