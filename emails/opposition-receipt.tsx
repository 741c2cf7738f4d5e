import { Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

/** OPP-6: the receipt of an opposition recorded by phone, letter or email, sent with its PDF. */
export type OppositionReceiptData = { firstName: string; receiptNumber: string; oppositionId: string };

export function OppositionReceiptEmail({ firstName, receiptNumber }: OppositionReceiptData) {
  return (
    <EmailLayout preview={`Récépissé ${receiptNumber}`} title="Votre opposition est enregistrée">
      <Text style={paragraph}>
        Bonjour, l&apos;opposition à la création du profil Mon espace santé de {firstName} est enregistrée sous le numéro{' '}
        <strong>{receiptNumber}</strong>. Le récépissé est joint à ce message (PDF).
      </Text>
      <Text style={paragraph}>Aucun profil ne sera créé ; les codes provisoires reçus ne fonctionnent plus.</Text>
    </EmailLayout>
  );
}
