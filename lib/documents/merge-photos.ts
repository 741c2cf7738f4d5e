import { PDFDocument } from 'pdf-lib';
import { ValidationError } from '@/lib/errors';
import { MAX_DOCUMENT_BYTES, type CheckedFile } from './file-rules';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 24;

/**
 * DOC-2: several photos (JPEG or PNG) become one PDF, a page each, the photo fitted to an A4 page;
 * the result must itself stay within 5 MB.
 */
export async function mergePhotosIntoPdf(photos: CheckedFile[], title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('Mon espace santé');
  for (const photo of photos) {
    // A copy: pdf-lib reads the whole underlying ArrayBuffer, and a small Buffer shares Node's pool.
    const bytes = new Uint8Array(photo.bytes);
    const image = await (photo.ext === 'png' ? pdf.embedPng(bytes) : pdf.embedJpg(bytes)).catch(() => {
      throw new ValidationError('document.photo-unreadable', `La photo « ${photo.name} » est illisible : elle n’a pas été ajoutée.`, 'fichier');
    });
    const scale = Math.min((A4.width - 2 * MARGIN) / image.width, (A4.height - 2 * MARGIN) / image.height, 1);
    const { width, height } = image.scale(scale);
    const page = pdf.addPage([A4.width, A4.height]);
    page.drawImage(image, { x: (A4.width - width) / 2, y: (A4.height - height) / 2, width, height });
  }
  const bytes = Buffer.from(await pdf.save());
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ValidationError('document.too-large', 'Les photos réunies en un seul document dépassent 5 Mo : ajoutez-les en plusieurs fois.', 'fichier');
  }
  return bytes;
}
