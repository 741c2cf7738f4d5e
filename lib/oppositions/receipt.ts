import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '@/db/client';
import type { OppositionChannel } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';

export type ReceiptData = {
  number: string; firstNames: string; birthName: string; nirMasked: string; receivedAt: Date; channel: OppositionChannel; postmarkDate: string | null;
};

const CHANNELS: Record<OppositionChannel, string> = {
  WEB: 'en ligne, sur le site Mon espace santé', PHONE: 'par téléphone (3422)', LETTER: 'par courrier', EMAIL: 'par courriel à la caisse',
  FRANCE_SERVICES: 'dans un espace France Services',
};

export async function findReceipt(db: Db, oppositionId: string): Promise<ReceiptData> {
  const row = await db.selectFrom('oppositions').innerJoin('profiles', 'profiles.id', 'oppositions.profile_id')
    .select(['oppositions.receipt_number', 'oppositions.received_at', 'oppositions.channel', 'oppositions.postmark_date',
      'profiles.first_names', 'profiles.birth_name', 'profiles.nir'])
    .where('oppositions.id', '=', oppositionId).executeTakeFirst();
  if (!row) throw new NotFoundError('Récépissé');
  return { number: row.receipt_number, firstNames: row.first_names, birthName: row.birth_name, nirMasked: maskNir(row.nir),
    receivedAt: row.received_at, channel: row.channel, postmarkDate: row.postmark_date };
}

/** OPP-6: the receipt (names, masked NIR, date and time, channel, unique number) as a one-page PDF. */
export async function renderReceiptPdf(r: ReceiptData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Récépissé d’opposition ${r.number}`);
  pdf.setLanguage('fr-FR');
  pdf.setAuthor('Mon espace santé');
  const page = pdf.addPage([595.28, 841.89]); // A4
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const line = (text: string, opts: { font?: typeof regular; size?: number; gap?: number } = {}) => {
    page.drawText(text, { x: 60, y, size: opts.size ?? 11, font: opts.font ?? regular, color: rgb(0.1, 0.1, 0.2), maxWidth: 475, lineHeight: 15 });
    y -= opts.gap ?? 20;
  };
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(r.receivedAt);
  line('Mon espace santé', { font: bold, size: 14, gap: 40 });
  line('Récépissé d’opposition à la création du profil', { font: bold, size: 16, gap: 30 });
  line(`Numéro du récépissé : ${r.number}`, { font: bold });
  line(`Personne concernée : ${r.firstNames} ${r.birthName}`);
  line(`Numéro de sécurité sociale : ${r.nirMasked}`);
  line(`Opposition enregistrée le ${when}, ${CHANNELS[r.channel]}.`);
  if (r.postmarkDate) line(`Date du cachet de la poste : ${r.postmarkDate.split('-').reverse().join('/')}`);
  y -= 10;
  line('Conséquences de votre opposition :', { font: bold });
  for (const t of [
    '• aucun profil Mon espace santé ne sera créé pour cette personne ;',
    '• les codes provisoires envoyés ne fonctionnent plus ;',
    '• vous ne recevrez plus d’avis de création ;',
    '• un éventuel Dossier Médical Partagé existant ne sera pas rattaché.',
  ]) line(t, { gap: 17 });
  y -= 10;
  line('Vous pouvez revenir sur votre décision à tout moment en appelant le 3422', { gap: 15 });
  line('(du lundi au vendredi, de 8 h 30 à 17 h 30) : un profil sera alors créé.', { gap: 30 });
  line('Conservez ce récépissé.', { font: bold });
  return pdf.save();
}
