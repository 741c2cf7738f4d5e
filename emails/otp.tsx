import { Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** ACT-9 / ACT-10: a one-time code, valid 10 minutes (ACT-11). */
export type OtpData = { purpose: 'login' | 'email-verification' };

export function OtpEmail({ purpose, otp }: OtpData & { otp: string }) {
  const intro = purpose === 'login'
    ? 'Voici votre code de connexion à Mon espace santé :'
    : 'Voici le code qui confirme votre adresse électronique :';
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
