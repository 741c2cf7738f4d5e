/**
 * The text layer of a PDF (no OCR: a scanned page has none), all pages as one string. unpdf ships a
 * DOM-free build of pdf.js; it is imported on first use so only the worker loads it.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }); // pdf.js warnings would go to stderr
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.destroy();
  }
}
