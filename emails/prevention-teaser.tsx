import { Link, Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

/**
 * PRV-9, NOT-7: the email teaser of a prevention campaign. It says that a prevention message is waiting
 * and where to read it, with the campaign's teaser line (written without any health detail): never the
 * message's title or text, nothing medical. A representative is told which profile it is about.
 */
export type PreventionTeaserData = {
  /** The campaign's teaser (prevention_campaigns.teaser, ≤ 200 characters, no health detail). */
  teaser: string;
  appUrl: string;
  /** Set when the recipient is a representative: the profile's first name. */
  profileFirstName: string | null;
  /** Kept in the link so a representative lands on the right profile. */
  profileId: string | null;
};

export const PREVENTION_TEASER_SUBJECT = 'Un nouveau message de prévention dans Mon espace santé';

export function preventionSectionUrl({ appUrl, profileId }: Pick<PreventionTeaserData, 'appUrl' | 'profileId'>): string {
  return `${appUrl}/espace/prevention${profileId ? `?profil=${profileId}` : ''}`;
}

export function PreventionTeaserEmail(data: PreventionTeaserData) {
  const url = preventionSectionUrl(data);
  const sentence = data.profileFirstName
    ? `Un nouveau message de prévention de l’Assurance Maladie attend ${data.profileFirstName} dans Mon espace santé.`
    : 'Un nouveau message de prévention de l’Assurance Maladie vous attend dans Mon espace santé.';
  return (
    <EmailLayout preview={sentence} title="Un nouveau message de prévention">
      <Text style={paragraph}>Bonjour,</Text>
      <Text style={paragraph}>{sentence}</Text>
      <Text style={paragraph}>{data.teaser}</Text>
      <Text style={paragraph}>
        Pour le lire, connectez-vous à Mon espace santé, rubrique « Prévention » : <Link href={url}>{url}</Link>.
      </Text>
      <Text style={{ ...paragraph, fontSize: '13px' }}>
        Vous pouvez refuser à tout moment les messages de prévention, sans avoir à vous justifier, depuis la rubrique
        « Prévention » de Mon espace santé.
      </Text>
    </EmailLayout>
  );
}
