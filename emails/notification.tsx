import { Link, Section, Text } from '@react-email/components';
import type { EmergencyDetails, NotificationKind, SecurityEvent } from '@/lib/notifications/kinds';
import { emailContent } from '@/lib/notifications/messages';
import { EmailLayout, paragraph } from './layout';

/**
 * NOT-1, NOT-2, NOT-4, NOT-7: the one generic notification email. It says that something happened and
 * where to look, never what: no medical content, no document title, no professional's name — except an
 * emergency access, whose email EMG-5 requires to say who, when, in which mode and why.
 */
export type NotificationEmailData = {
  kind: NotificationKind;
  appUrl: string;
  /** Set when the recipient is not the holder (a representative, an aidant): which profile it is about. */
  profileFirstName: string | null;
  /** Kept in the link so a representative lands on the right profile. */
  profileId: string | null;
  securityEvent?: SecurityEvent;
  /** EMG-5: an emergency access email names the professional, the moment, the mode and the justification. */
  emergency?: EmergencyDetails;
};

export const NOTIFICATION_SUBJECT = 'Du nouveau dans Mon espace santé';

/** The notification centre, or the page the kind names (PRF-4: the directives anticipées). */
export function notificationUrl({ appUrl, profileId }: Pick<NotificationEmailData, 'appUrl' | 'profileId'>, path = '/espace/notifications'): string {
  return `${appUrl}${path}${profileId ? `?profil=${profileId}` : ''}`;
}

export function NotificationEmail(data: NotificationEmailData) {
  const content = emailContent(data.kind, data);
  const url = notificationUrl(data, content.path);
  return (
    <EmailLayout preview={content.sentence} title={NOTIFICATION_SUBJECT}>
      <Text style={paragraph}>{content.sentence}</Text>
      {content.details && (
        <Section>
          {content.details.map((d) => (
            <Text key={d.label} style={{ ...paragraph, margin: '4px 0' }}><strong>{d.label} :</strong> {d.value}</Text>
          ))}
        </Section>
      )}
      {content.advice && <Text style={paragraph}>{content.advice}</Text>}
      {content.link && (
        <Text style={paragraph}>
          Pour en savoir plus, connectez-vous à Mon espace santé : <Link href={url}>{url}</Link>.
        </Text>
      )}
      <Text style={{ ...paragraph, fontSize: '13px' }}>
        Vous pouvez choisir les notifications que vous recevez par courriel dans Mon espace santé, rubrique
        « Notifications », « Mes préférences ». Les alertes de sécurité et les accès à votre profil vous sont toujours signalés.
      </Text>
    </EmailLayout>
  );
}
