import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SynthesisContent } from './synthesis-content';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const TOP = A4[1] - MARGIN;
const BOTTOM = MARGIN + 24; // room for the page number
const INK = rgb(0.1, 0.1, 0.2);

/** WinAnsi characters beyond Latin-1 that the standard fonts can draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Record<string, string> = { '\u202f': ' ', '\u2212': '-', '≥': '>=', '≤': '<=', '\u2011': '-' };

/** The standard Helvetica fonts encode WinAnsi only: known look-alikes are swapped, anything else is « ? ». */
export function toWinAnsi(text: string): string {
  return [...text.normalize('NFC')].map((c) => {
    const code = c.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c)) return c;
    return SUBSTITUTES[c] ?? (c === '\n' || c === '\t' ? ' ' : '?');
  }).join('');
}

/** Lines of at most `width` points, broken between words (a word longer than a line is cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

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
