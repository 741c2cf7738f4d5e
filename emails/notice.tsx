import { Link, Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** CMP-5: the creation notice: what MES is, the DMP, how to object, the last date (CMP-4), the code (CMP-7). */
export type NoticeData = {
  firstName: string; lastOppositionDay: string; appUrl: string; codeExpiresOn: string;
  /** CMP-2: a child's notice goes to the parent principal and names the child. */
  childFirstName?: string;
};

export function NoticeEmail({ firstName, lastOppositionDay, appUrl, codeExpiresOn, code, childFirstName }: NoticeData & { code: string }) {
  const title = childFirstName
    ? `Bonjour, le profil Mon espace santé de votre enfant ${childFirstName} va être créé`
    : `Bonjour ${firstName}, votre profil Mon espace santé va être créé`;
  return (
    <EmailLayout preview={childFirstName ? `Le profil Mon espace santé de ${childFirstName} va être créé` : 'Votre profil Mon espace santé va être créé'} title={title}>
      <Text style={paragraph}>
        Mon espace santé est un service public, gratuit et sécurisé, proposé par l&apos;Assurance Maladie et le ministère
        chargé de la santé. Il vous permet de stocker et de partager vos documents et données de santé en toute
        confidentialité. Il remplace et prolonge le Dossier Médical Partagé (DMP) : si vous en avez un, il y sera rattaché.
      </Text>
      <Text style={paragraph}>
        {childFirstName
          ? `En tant que représentant légal, vous recevez cet avis pour ${childFirstName}. Sauf opposition de votre part, son profil sera créé automatiquement. Vous pouvez vous y opposer jusqu’au`
          : 'Sauf opposition de votre part, votre profil sera créé automatiquement. Vous pouvez vous y opposer jusqu’au'}{' '}
        <strong>{lastOppositionDay}</strong> inclus : en ligne sur <Link href={`${appUrl}/`}>{appUrl}</Link>, par téléphone
        au 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou par courrier à votre caisse d&apos;assurance maladie.
        Vous pourrez aussi fermer votre profil à tout moment par la suite.
      </Text>
      <Text style={paragraph}>
        {childFirstName ? `Pour activer le profil de ${childFirstName}, utilisez ce code provisoire :` : 'Pour activer votre profil dès maintenant, utilisez ce code provisoire :'}
      </Text>
      <Text style={codeStyle}>{code}</Text>
      {childFirstName ? (
        <Text style={paragraph}>
          Ce code est valable jusqu&apos;au {codeExpiresOn}. Connectez-vous à votre propre profil sur{' '}
          <Link href={`${appUrl}/connexion`}>{`${appUrl}/connexion`}</Link> (activez-le d&apos;abord si besoin), puis
          choisissez « Activer le profil d&apos;un enfant ».
        </Text>
      ) : (
        <Text style={paragraph}>
          Ce code est personnel et valable jusqu&apos;au {codeExpiresOn}. Rendez-vous sur{' '}
          <Link href={`${appUrl}/activation`}>{`${appUrl}/activation`}</Link> avec votre carte Vitale.
        </Text>
      )}
    </EmailLayout>
  );
}
