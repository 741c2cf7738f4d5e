import { logger } from '@/lib/logger';
import type { Candidate } from './candidate';
import { extractFromCda } from './cda';
import { extractFromFrenchText } from './french-text';
import { pdfText } from './pdf-text';

const utf8 = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);

/**
 * MEA-4: the weight, height and head circumference a document gives, from its plaintext bytes and
 * type: CDA R2 entries coded LOINC for XML, French labelled values for text and a PDF's text layer.
 * A file that cannot be read (malformed XML, damaged PDF) gives nothing rather than an error: the
 * document stays filed, nothing is extracted.
 */
export async function extractMeasures(bytes: Buffer, mime: string): Promise<Candidate[]> {
  switch (mime) {
    case 'text/xml':
    case 'application/xml':
      return extractFromCda(utf8(bytes));
    case 'text/plain':
      return extractFromFrenchText(utf8(bytes));
    case 'application/pdf': {
      const text = await pdfText(bytes).catch((err: Error) => {
        logger.warn({ err: err.message }, 'PDF text layer unreadable: no measure extracted');
        return '';
      });
      return extractFromFrenchText(text);
    }
    default:
      return [];
  }
}
