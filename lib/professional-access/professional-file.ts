import { fileTypeFromBuffer } from 'file-type';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/file-rules';
import { ValidationError } from '@/lib/errors';

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: false, parseTagValue: false });

/**
 * What a professional deposits: a PDF, or an HL7 CDA R2 document (XML whose root is ClinicalDocument).
 * The type is read from the content; 5 MB at most like every file (DOC-2's ceiling, DOC-13).
 */
export async function checkProfessionalFile(name: string, bytes: Buffer, field = 'fichier'): Promise<{ mime: string }> {
  if (bytes.length === 0) throw new ValidationError('document.empty', `Le fichier « ${name} » est vide.`, field);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ValidationError('document.too-large', `Le fichier « ${name} » dépasse la taille maximale de 5 Mo.`, field);
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed?.mime === 'application/pdf') return { mime: 'application/pdf' };
  const text = bytes.toString('utf8');
  // file-type names XML with a declaration application/xml; without one it says nothing.
  if ((!sniffed || sniffed.mime === 'application/xml') && XMLValidator.validate(text) === true) {
    const root = parser.parse(text) as Record<string, unknown>;
    if (root && typeof root === 'object' && 'ClinicalDocument' in root) return { mime: 'text/xml' };
  }
  throw new ValidationError('document.pro-format', `Le fichier « ${name} » n’est ni un PDF ni un document CDA (XML ClinicalDocument) : il n’a pas été déposé.`, field);
}
