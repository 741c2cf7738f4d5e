import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { toWinAnsi, wrap } from '@/lib/pdf/text';
import type { SynthesisContent } from './synthesis-content';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const TOP = A4[1] - MARGIN;
const BOTTOM = MARGIN + 24; // room for the page number
const INK = rgb(0.1, 0.1, 0.2);

/**
 * PRF-6: draws the Synthèse médicale on A4 pages (Helvetica, WinAnsi), a new page whenever the current
 * one is full, « Page n sur N » at the bottom of each.
 */
export async function renderSynthesisPdf(content: SynthesisContent): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(content.title));
  pdf.setLanguage('fr-FR');
  pdf.setProducer('Mon espace santé');
  pdf.setCreator('Mon espace santé');
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  let page: PDFPage = pdf.addPage(A4);
  let y = TOP;

  const write = (text: string, o: { bold?: boolean; size?: number; indent?: number; before?: number; keepWith?: number } = {}) => {
    const size = o.size ?? 10.5;
    const font = o.bold ? fonts.bold : fonts.regular;
    const indent = o.indent ?? 0;
    const lines = wrap(toWinAnsi(text), font, size, WIDTH - indent);
    const height = size * 1.35;
    y -= o.before ?? 0;
    // A heading is not left alone at the bottom of a page: it moves with its first lines.
    if (y - height * (lines.length + (o.keepWith ?? 0)) < BOTTOM && y < TOP) { page = pdf.addPage(A4); y = TOP; }
    for (const line of lines) {
      if (y - height < BOTTOM) { page = pdf.addPage(A4); y = TOP; }
      y -= height;
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: INK });
    }
  };

  write(content.title, { bold: true, size: 18 });
  for (const line of content.intro) write(line, { before: 4 });
  for (const block of content.blocks) {
    write(block.heading, { bold: true, size: 13, before: 16, keepWith: 2 });
    for (const item of block.items) {
      write(`• ${item.title}`, { bold: true, before: 4, keepWith: item.details.length ? 1 : 0 });
      for (const detail of item.details) write(detail, { indent: 12 });
    }
    for (const note of block.notes) write(note, { before: 4 });
  }

  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const label = `Page ${i + 1} sur ${pages.length}`;
    p.drawText(label, { x: A4[0] - MARGIN - fonts.regular.widthOfTextAtSize(label, 9), y: MARGIN - 10, size: 9, font: fonts.regular, color: INK });
  });
  return Buffer.from(await pdf.save());
}
