import { Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** ACT-9 / ACT-10: a one-time code, valid 10 minutes (ACT-11); CLO-12: before a data export. */
export type OtpData = { purpose: 'login' | 'email-verification' | 'data-export' | 'password-reset' };

const INTRO: Record<OtpData['purpose'], string> = {
  login: 'Voici votre code de connexion à Mon espace santé :',
  'email-verification': 'Voici le code qui confirme votre adresse électronique :',
  'data-export': 'Voici le code qui confirme votre demande de téléchargement de vos données :',
  'password-reset': 'Voici le code qui vous permet de choisir un nouveau mot de passe (« Mot de passe oublié ») :',
};

export function OtpEmail({ purpose, otp }: OtpData & { otp: string }) {
  const intro = INTRO[purpose];
  return (
    <EmailLayout preview={`Votre code : ${otp}`} title="Votre code de sécurité">
      <Text style={paragraph}>{intro}</Text>
      <Text style={codeStyle}>{otp}</Text>
      <Text style={paragraph}>
        Ce code est valable 10 minutes et ne peut servir qu&apos;une fois. Si vous n&apos;êtes pas à l&apos;origine de
        cette demande, ignorez ce message et changez votre mot de passe.
      </Text>
    </EmailLayout>
  );
}
