import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import { ADVISOR_ACCOUNT_SUBJECT, AdvisorAccountEmail, type AdvisorAccountData } from './advisor-account';
import { ClosureEmail, OpeningFailedEmail, PurgedEmail, SuspensionEmail, type OpeningFailedData, type PurgedData } from './closure';
import { IdentifiantReminderEmail, type IdentifiantReminderData } from './identifiant-reminder';
import { NewCodeEmail, type NewCodeData } from './new-code';
import { NoticeEmail, type NoticeData } from './notice';
import { NOTIFICATION_SUBJECT, NotificationEmail, type NotificationEmailData } from './notification';
import { OppositionReceiptEmail, type OppositionReceiptData } from './opposition-receipt';
import { OtpEmail, type OtpData } from './otp';
import { SecurityAlertEmail, type SecurityAlertData } from './security-alert';
import {
  AccessRevokedEmail, InvitationAnswerEmail, InvitationEmail, MajorityEmail,
  type AccessRevokedData, type InvitationAnswerData, type InvitationData, type MajorityData,
} from './representatives';

/**
 * An email as the outbox stores it: template + non-secret data. Secrets (codes) travel sealed
 * beside it and are merged only when the worker renders (lib/queue/outbox.ts).
 */
export type EmailMessage =
  | { template: 'notice'; to: string; profileId: string; data: Omit<NoticeData, 'lastOppositionDay' | 'codeExpiresOn'> & { codeExpiresAt: string } }
  | { template: 'new-code'; to: string; data: NewCodeData & { codeExpiresAt: string } }
  | { template: 'opposition-receipt'; to: string; data: OppositionReceiptData }
  | { template: 'otp'; to: string; data: OtpData }
  | { template: 'security-alert'; to: string; data: SecurityAlertData }
  | { template: 'identifiant-reminder'; to: string; data: IdentifiantReminderData }
  | { template: 'representative-invitation'; to: string; data: InvitationData }
  | { template: 'representative-answer'; to: string; data: InvitationAnswerData }
  | { template: 'representative-revoked'; to: string; data: AccessRevokedData }
  | { template: 'majority'; to: string; data: MajorityData & { codeExpiresAt: string } }
  | { template: 'closure'; to: string; data: { firstName: string; closedAt: string; deletion: boolean } }
  | { template: 'purged'; to: string; data: PurgedData }
  | { template: 'opening-failed'; to: string; data: OpeningFailedData }
  | { template: 'suspension'; to: string; data: { firstName: string; lastObjectionDay: string } }
  | { template: 'notification'; to: string; data: NotificationEmailData }
  | { template: 'advisor-account'; to: string; data: AdvisorAccountData & { expiresAt: string } };

export type RenderedEmail = { subject: string; html: string; text: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };

/** Formats dates for French readers, in Europe/Paris (DESIGN.md "Time"). */
export const frenchDay = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' }).format(d);

async function both(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

/** `extra` carries what only the sender knows: unsealed secrets, the sending-time deadline. */
export async function renderEmail(message: EmailMessage, extra: Record<string, string>): Promise<RenderedEmail> {
  switch (message.template) {
    case 'notice':
      return both(message.data.childFirstName ? 'Le profil Mon espace santé de votre enfant' : 'Votre profil Mon espace santé', (
        <NoticeEmail {...message.data} code={extra.code ?? ''} lastOppositionDay={extra.lastOppositionDay ?? ''}
          codeExpiresOn={frenchDay(new Date(message.data.codeExpiresAt))} />
      ));
    case 'new-code':
      return both('Votre nouveau code provisoire Mon espace santé', (
        <NewCodeEmail {...message.data} code={extra.code ?? ''} codeExpiresOn={frenchDay(new Date(message.data.codeExpiresAt))} />
      ));
    case 'opposition-receipt':
      return both(`Récépissé d’opposition ${message.data.receiptNumber}`, <OppositionReceiptEmail {...message.data} />);
    case 'otp':
      return both(`Votre code Mon espace santé : ${extra.otp ?? ''}`, <OtpEmail {...message.data} otp={extra.otp ?? ''} />);
    case 'security-alert':
      return both('Alerte de sécurité sur votre compte Mon espace santé', <SecurityAlertEmail {...message.data} />);
    case 'identifiant-reminder':
      // ACT-14: the identifiants travel sealed (secret `identifiants`, one per line), merged here only.
      return both('Votre identifiant Mon espace santé', (
        <IdentifiantReminderEmail {...message.data} identifiants={(extra.identifiants ?? '').split('\n').filter(Boolean)} />
      ));
    case 'representative-invitation':
      return both(`Invitation à gérer le profil Mon espace santé de ${message.data.childFirstName}`, <InvitationEmail {...message.data} />);
    case 'representative-answer':
      return both('Réponse à votre invitation Mon espace santé', <InvitationAnswerEmail {...message.data} />);
    case 'representative-revoked':
      return both('Votre accès à un profil Mon espace santé a été retiré', <AccessRevokedEmail {...message.data} />);
    case 'closure':
      return both('Votre profil Mon espace santé est fermé', (
        <ClosureEmail firstName={message.data.firstName} deletion={message.data.deletion} closedOn={frenchDay(new Date(message.data.closedAt))} />
      ));
    case 'opening-failed':
      return both('Votre profil Mon espace santé ne peut pas encore être créé', <OpeningFailedEmail {...message.data} />);
    case 'purged':
      return both('Vos données Mon espace santé sont supprimées', <PurgedEmail {...message.data} />);
    case 'suspension':
      return both('Votre profil Mon espace santé est suspendu', (
        <SuspensionEmail firstName={message.data.firstName} lastObjectionDay={frenchDay(new Date(`${message.data.lastObjectionDay}T12:00:00Z`))} />
      ));
    case 'notification':
      return both(NOTIFICATION_SUBJECT, <NotificationEmail {...message.data} />);
    case 'advisor-account': {
      // FS-1: the token travels sealed and is merged here only; the link is valid until the stored instant.
      const link = `${message.data.appUrl}/accompagnement/connexion/mot-de-passe?jeton=${encodeURIComponent(extra.token ?? '')}`;
      const expiresOn = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' })
        .format(new Date(message.data.expiresAt));
      return both(ADVISOR_ACCOUNT_SUBJECT[message.data.purpose], <AdvisorAccountEmail {...message.data} link={link} expiresOn={expiresOn} />);
    }
    case 'majority':
      return both('Votre profil Mon espace santé est désormais à vous', (
        <MajorityEmail {...message.data} code={extra.code ?? ''} codeExpiresOn={frenchDay(new Date(message.data.codeExpiresAt))} />
      ));
  }
}
