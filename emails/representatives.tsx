import { Link, Text } from '@react-email/components';
import { EmailLayout, codeStyle, paragraph } from './layout';

/** REP-3: the invitee is asked to share the management of a child's profile. */
export type InvitationData = { inviterName: string; childFirstName: string; appUrl: string; expiresOn: string };
export function InvitationEmail({ inviterName, childFirstName, appUrl, expiresOn }: InvitationData) {
  return (
    <EmailLayout preview={`Invitation à gérer le profil de ${childFirstName}`} title={`${inviterName} vous invite à gérer le profil de ${childFirstName}`}>
      <Text style={paragraph}>
        {inviterName} vous propose de partager la gestion du profil Mon espace santé de {childFirstName}, en tant que
        représentant légal. Connectez-vous pour accepter ou refuser, avant le {expiresOn} :{' '}
        <Link href={`${appUrl}/espace/invitations`}>{`${appUrl}/espace/invitations`}</Link>.
      </Text>
      <Text style={paragraph}>Si vous ne connaissez pas cette personne, refusez l&apos;invitation ou appelez le 3422.</Text>
    </EmailLayout>
  );
}

/** REP-3: the inviter learns the answer. */
export type InvitationAnswerData = { inviteeName: string; childFirstName: string; accepted: boolean };
export function InvitationAnswerEmail({ inviteeName, childFirstName, accepted }: InvitationAnswerData) {
  return (
    <EmailLayout preview="Réponse à votre invitation" title={accepted ? `${inviteeName} a accepté votre invitation` : `${inviteeName} a refusé votre invitation`}>
      <Text style={paragraph}>
        {accepted
          ? `${inviteeName} gère désormais avec vous le profil Mon espace santé de ${childFirstName}.`
          : `${inviteeName} ne gérera pas le profil Mon espace santé de ${childFirstName}. Vous pouvez inviter une autre personne.`}
      </Text>
    </EmailLayout>
  );
}

/** REP-6: access withdrawn, told without detail. */
export type AccessRevokedData = { childFirstName: string };
export function AccessRevokedEmail({ childFirstName }: AccessRevokedData) {
  return (
    <EmailLayout preview="Votre accès à un profil a été retiré" title={`Votre accès au profil de ${childFirstName} a été retiré`}>
      <Text style={paragraph}>
        L&apos;Assurance Maladie a retiré votre accès au profil Mon espace santé de {childFirstName}. Pour toute question,
        appelez le 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30).
      </Text>
    </EmailLayout>
  );
}

/** REP-8: at 18 the profile is handed over to its holder, with a code provisoire to activate it. */
export type MajorityData = { firstName: string; appUrl: string };
export function MajorityEmail({ firstName, appUrl, code, codeExpiresOn }: MajorityData & { code: string; codeExpiresOn: string }) {
  return (
    <EmailLayout preview="Votre profil Mon espace santé est à vous" title={`Bonjour ${firstName}, votre profil Mon espace santé est désormais à vous`}>
      <Text style={paragraph}>
        Vous avez 18 ans : vos représentants légaux n&apos;ont plus accès à votre profil. Vos documents, vos réglages et
        l&apos;accès de vos professionnels de santé sont conservés. Pour l&apos;utiliser, activez-le avec ce code provisoire :
      </Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>
        Il est valable jusqu&apos;au {codeExpiresOn}. Rendez-vous sur <Link href={`${appUrl}/activation`}>{`${appUrl}/activation`}</Link> avec
        votre carte Vitale. Vous pouvez aussi fermer votre profil à tout moment.
      </Text>
    </EmailLayout>
  );
}
