import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describeAction, describeActor, modeLabel, whenShort } from './history-format';
import type { HistoryRow } from './history-query';

/**
 * AUD-5: the history as a PDF table, A4 landscape, the column headers repeated on every page and
 * "Page n / N" at the foot. pdf-lib's standard Helvetica encodes WinAnsi only: every text goes
 * through `toWinAnsi` first (drawText would throw on the first character it cannot encode).
 */
const [PAGE_W, PAGE_H] = [841.89, 595.28];
const MARGIN = 40;
const SIZE = 8.5;
const LEADING = 11;
const PAD = 3;
const ROW = LEADING + 2 * PAD; // a one-line row
const TITLE_BLOCK = 74; // first page: title and three lines about the download
const RUNNING_HEAD = 22; // other pages: one line recalling whose history it is
const FOOT = MARGIN + 4;
const COLUMNS = [
  { header: 'Date et heure (Paris)', width: 100 },
  { header: 'Auteur', width: 230 },
  { header: 'Action', width: 310 },
  { header: 'Mode d’accès et résultat', width: PAGE_W - 2 * MARGIN - 640 },
] as const;

/** How many one-line rows a page holds, first page and the others (tests and readers of the layout). */
export const HISTORY_PDF_ROWS = {
  first: Math.floor((PAGE_H - MARGIN - TITLE_BLOCK - ROW - FOOT) / ROW),
  next: Math.floor((PAGE_H - MARGIN - RUNNING_HEAD - ROW - FOOT) / ROW),
};

/** Letters that carry their mark inside the letter (no NFD decomposition). */
const BASE_LETTER: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/** Text a WinAnsi font can draw: NFC, odd spaces made plain, accents dropped when the letter has none there, else "?". */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (charset.has(cp)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else {
      const base = BASE_LETTER[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => charset.has(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out;
}

/** Greedy word wrap, each word measured once; a word wider than the column is cut. */
function wrap(text: string, font: PDFFont, width: number): string[] {
  const measure = (t: string) => font.widthOfTextAtSize(t, SIZE);
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (let word of text.split(' ')) {
    let w = measure(word);
    if (line && used + space + w <= width) { line += ` ${word}`; used += space + w; continue; }
    if (line) lines.push(line);
    while (w > width && word.length > 1) {
      let cut = word.length - 1;
      while (cut > 1 && measure(word.slice(0, cut)) > width) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
      w = measure(word);
    }
    line = word;
    used = w;
  }
  lines.push(line);
  return lines;
}

export type HistoryPdfInput = {
  /** "Historique d’activité de Camille MARTIN". */
  title: string;
  /** Lines under the title: period, actors, date of the download. */
  about: string[];
  readerAccountId: string | null;
  /** The traces, newest first, batch by batch (never all in memory at once). */
  batches: AsyncIterable<HistoryRow[]>;
};

const n = (v: number) => v.toFixed(2);
const INK = '0.1 0.1 0.2';

/**
 * Each page's content is written as one raw, compressed operator stream: pdf-lib's drawText builds
 * a dozen objects per call, which took 80 s and 1.2 GB for 100 000 lines; this takes seconds.
 */
export async function renderHistoryPdf(input: HistoryPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setLanguage('fr-FR');
  pdf.setAuthor('Mon espace santé');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  const clean = (t: string) => toWinAnsi(t, charset);
  pdf.setTitle(clean(input.title));
  const pages: PDFPage[] = [];
  let fonts = { regular: '', bold: '' };
  let ops: string[] = [];
  let y = 0;

  const text = (t: string, x: number, at: number, font: 'regular' | 'bold' = 'regular', size = SIZE) => {
    const hex = (font === 'bold' ? bold : regular).encodeText(t).toString();
    ops.push(`BT /${fonts[font]} ${size} Tf ${INK} rg 1 0 0 1 ${n(x)} ${n(at)} Tm ${hex} Tj ET`);
  };
  const flush = () => {
    if (!ops.length) return;
    const page = pages[pages.length - 1]!;
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream(`q\n${ops.join('\n')}\nQ\n`)));
    ops = [];
  };
  const tableHead = () => {
    ops.push(`0.9 0.92 0.97 rg ${n(MARGIN)} ${n(y - ROW)} ${n(PAGE_W - 2 * MARGIN)} ${n(ROW)} re f`);
    let x = MARGIN;
    for (const c of COLUMNS) { text(clean(c.header), x + PAD, y - PAD - SIZE, 'bold'); x += c.width; }
    y -= ROW;
  };
  const newPage = () => {
    flush();
    const page = pdf.addPage([PAGE_W, PAGE_H]);
    pages.push(page);
    fonts = { regular: page.node.newFontDictionary(regular.name, regular.ref).asString().slice(1),
      bold: page.node.newFontDictionary(bold.name, bold.ref).asString().slice(1) };
    y = PAGE_H - MARGIN;
    if (pages.length === 1) {
      text(clean(input.title), MARGIN, y - 14, 'bold', 14);
      input.about.slice(0, 3).forEach((line, i) => text(clean(line), MARGIN, y - 34 - i * 13, 'regular', 9.5));
      y -= TITLE_BLOCK;
    } else {
      text(clean(`${input.title} (suite)`), MARGIN, y - 10, 'regular', 9);
      y -= RUNNING_HEAD;
    }
    tableHead();
  };

  newPage();
  let count = 0;
  for await (const batch of input.batches) {
    for (const e of batch) {
      const cells = [
        whenShort(e.at), describeActor(e, input.readerAccountId), describeAction(e),
        [modeLabel(e.mode), e.outcome === 'OK' ? null : 'Refusée'].filter(Boolean).join(', ') || '—',
      ].map((t, i) => wrap(clean(t), regular, COLUMNS[i]!.width - 2 * PAD));
      const height = Math.max(...cells.map((c) => c.length)) * LEADING + 2 * PAD;
      if (y - height < FOOT) newPage();
      let x = MARGIN;
      cells.forEach((lines, i) => {
        lines.forEach((l, j) => text(l, x + PAD, y - PAD - SIZE - j * LEADING));
        x += COLUMNS[i]!.width;
      });
      y -= height;
      ops.push(`0.75 0.75 0.8 RG 0.4 w ${n(MARGIN)} ${n(y)} m ${n(PAGE_W - MARGIN)} ${n(y)} l S`);
      count++;
    }
  }
  if (count === 0) text(clean('Aucune activité ne correspond à ces critères.'), MARGIN + PAD, y - PAD - SIZE - 4);
  flush();
  pages.forEach((page, i) => page.drawText(`Page ${i + 1} / ${pages.length}`, { x: PAGE_W - MARGIN - 60, y: MARGIN - 16, size: 8, font: regular, color: rgb(0.1, 0.1, 0.2) }));
  return pdf.save();
}
