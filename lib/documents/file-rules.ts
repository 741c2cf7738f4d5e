import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '@/lib/errors';

/** DOC-2: 5 MB at most, whatever the format (5 242 880 bytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** DOC-2 accepted formats, by the extension the file must also carry. */
const ACCEPTED: Record<string, { mime: string; label: string }> = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  txt: { mime: 'text/plain', label: 'texte' },
  rtf: { mime: 'application/rtf', label: 'RTF' },
  jpg: { mime: 'image/jpeg', label: 'JPEG' },
  png: { mime: 'image/png', label: 'PNG' },
  tif: { mime: 'image/tiff', label: 'TIFF' },
};
const SAME_EXTENSION: Record<string, string> = { jpeg: 'jpg', tiff: 'tif' };
/** DOC-3: formats previewed in the page; the others are downloaded. */
export const PREVIEWABLE = new Set(['application/pdf', 'text/plain', 'image/jpeg', 'image/png']);
export const ACCEPT_ATTRIBUTE = '.pdf,.txt,.rtf,.jpg,.jpeg,.png,.tif,.tiff';

const extensionOf = (name: string) => {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return SAME_EXTENSION[ext] ?? ext;
};

/** Plain text: valid UTF-8 without NUL bytes (file-type recognises binary formats only). */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type CheckedFile = { name: string; bytes: Buffer; mime: string; ext: string };

/**
 * DOC-2: the type is read from the content, never trusted from the name; a content that does not
 * match its extension is refused. Every refusal is a French message tied to the file field.
 */
export async function checkDocumentFile(name: string, bytes: Buffer, field = 'fichier'): Promise<CheckedFile> {
  if (bytes.length === 0) throw new ValidationError('document.empty', `Le fichier « ${name} » est vide.`, field);
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ValidationError('document.too-large', `Le fichier « ${name} » dépasse la taille maximale de 5 Mo.`, field);
  }
  const ext = extensionOf(name);
  const expected = ACCEPTED[ext];
  if (!expected) {
    throw new ValidationError('document.type-unsupported',
      `Le format du fichier « ${name} » n’est pas accepté. Formats acceptés : PDF, TXT, RTF, JPEG, PNG, TIFF.`, field);
  }
  const sniffed = await fileTypeFromBuffer(bytes);
  const actual = sniffed ? (SAME_EXTENSION[sniffed.ext] ?? sniffed.ext) : looksLikeText(bytes) ? 'txt' : undefined;
  if (actual !== ext) {
    throw new ValidationError('document.type-mismatch',
      `Le contenu du fichier « ${name} » ne correspond pas à un fichier ${expected.label} : il n’a pas été ajouté.`, field);
  }
  return { name, bytes, mime: expected.mime, ext };
}

export const isPhoto = (file: CheckedFile) => file.ext === 'jpg' || file.ext === 'png';
