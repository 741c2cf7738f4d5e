import { Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

/** ACT-12 / NOT-4: mandatory security email after a login lockout. */
export type SecurityAlertData = { event: 'login-locked'; lockedUntil: string };

export function SecurityAlertEmail({ lockedUntil }: SecurityAlertData) {
  return (
    <EmailLayout preview="Alerte de sécurité sur votre compte" title="Alerte de sécurité">
      <Text style={paragraph}>
        Cinq mots de passe erronés ont été saisis de suite pour votre compte. Par sécurité, la connexion est
        bloquée jusqu&apos;à {lockedUntil}.
      </Text>
      <Text style={paragraph}>
        Si ce n&apos;était pas vous, quelqu&apos;un essaie peut-être d&apos;accéder à votre compte : changez votre mot de
        passe dès votre prochaine connexion.
      </Text>
    </EmailLayout>
  );
}
