import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { toWinAnsi, wrap } from '@/lib/pdf/text';

export type JustificatifData = {
  aide: { name: string; birthDate: string };
  aidant: { name: string; birthDate: string };
  invitedAt: Date;
  acceptedAt: Date;
  /** AID-5: the new version filed at revocation records the end of the access. */
  ended?: { at: Date; by: 'AIDE' | 'AIDANT' };
};

export const JUSTIFICATIF_TITLE = 'Justificatif d’accès aidant';

const dayTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const birthDay = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** The lines of the justificatif (also what a test reads back). */
export function justificatifLines(d: JustificatifData): { heading: string; paragraphs: string[] } {
  const paragraphs = [
    `Personne aidée : ${d.aide.name}, née ou né le ${birthDay(d.aide.birthDate)}.`,
    `Aidant : ${d.aidant.name}, née ou né le ${birthDay(d.aidant.birthDate)}.`,
    `Invitation envoyée par la personne aidée le ${dayTime.format(d.invitedAt)}, acceptée par l’aidant le ${dayTime.format(d.acceptedAt)}.`,
    'L’aidant peut consulter, ajouter, modifier et supprimer les données et documents de la personne aidée, écrire à ses professionnels de santé (ses messages portent la mention « aidant ») et recevoir ses notifications.',
    'L’aidant ne peut pas gérer le partage du profil (aidants, services, confidentialité, accès en urgence, blocage de professionnels), modifier les coordonnées ou les identifiants, demander la fermeture du profil, la suppression ou le téléchargement des données, ni voir les documents rendus invisibles au patient.',
  ];
  if (d.ended) {
    paragraphs.push(`Fin de l’accès : le ${dayTime.format(d.ended.at)}, à la demande ${d.ended.by === 'AIDE' ? 'de la personne aidée' : 'de l’aidant'}. Depuis cette date, l’aidant n’a plus accès au profil.`);
  } else {
    paragraphs.push('Chacun peut mettre fin à cet accès à tout moment depuis Mon espace santé ; l’autre en est prévenu.');
  }
  return { heading: d.ended ? `${JUSTIFICATIF_TITLE} (accès terminé)` : JUSTIFICATIF_TITLE, paragraphs };
}

/** AID-5: the « Justificatif d’accès aidant » as a one-page A4 PDF. */
export async function renderJustificatifPdf(d: JustificatifData): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const { heading, paragraphs } = justificatifLines(d);
  pdf.setTitle(heading);
  pdf.setLanguage('fr-FR');
  pdf.setAuthor('Mon espace santé');
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const para = (text: string, font: PDFFont, size: number, gap: number) => {
    for (const l of wrap(toWinAnsi(text), font, size, 475)) {
      page.drawText(l, { x: 60, y, size, font, color: rgb(0.1, 0.1, 0.2) });
      y -= size + 4;
    }
    y -= gap;
  };
  para('Mon espace santé', bold, 12, 16);
  para(heading, bold, 18, 14);
  for (const p of paragraphs) para(p, regular, 11, 10);
  return Buffer.from(await pdf.save());
}
