import type { PDFFont } from 'pdf-lib';

/**
 * Text for the PDFs we draw with pdf-lib's standard fonts (receipts, letters, justificatifs, synthèses):
 * those fonts encode WinAnsi only, and drawText throws on the first character it cannot encode.
 */

/** WinAnsi characters beyond Latin-1 that the standard fonts can draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Record<string, string> = { '\u202f': ' ', '\u2009': ' ', '\u2212': '-', '≥': '>=', '≤': '<=', '\u2011': '-' };

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
