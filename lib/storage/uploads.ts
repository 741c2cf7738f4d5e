import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import { config } from '@/lib/config';
import { ValidationError } from '@/lib/errors';

export type SavedUpload = { path: string; filename: string; bytes: number; fields: Record<string, string> };

/**
 * Streams one multipart file field to `<DATA_DIR>/<folder>/<uuid>` without holding it in memory
 * (a 1-million-line population file is ~200 MB). Multi-machine deployments mount DATA_DIR shared.
 */
export async function saveUpload(request: Request, folder: string, opts: { field: string; maxBytes: number }): Promise<SavedUpload> {
  if (!request.body) throw new ValidationError('upload.empty', 'Aucun fichier reçu.', opts.field);
  const dir = path.resolve(config().DATA_DIR, folder);
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${randomUUID()}.csv`);
  const fields: Record<string, string> = {};
  let saved: Promise<{ filename: string; bytes: number; truncated: boolean }> | undefined;
  const busboy = Busboy({ headers: Object.fromEntries(request.headers), limits: { files: 1, fileSize: opts.maxBytes } });
  busboy.on('field', (name, value) => { fields[name] = value; });
  busboy.on('file', (name, stream, info) => {
    if (name !== opts.field || saved) { stream.resume(); return; }
    let bytes = 0;
    stream.on('data', (c: Buffer) => { bytes += c.length; });
    saved = pipeline(stream, createWriteStream(target)).then(() => ({ filename: info.filename ?? 'fichier.csv', bytes, truncated: (stream as { truncated?: boolean }).truncated ?? false }));
  });
  await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), busboy);
  const file = await saved;
  if (!file || file.bytes === 0) throw new ValidationError('upload.empty', 'Choisissez un fichier CSV non vide.', opts.field);
  if (file.truncated) throw new ValidationError('upload.too-large', `Le fichier dépasse la taille maximale (${Math.round(opts.maxBytes / 1e6)} Mo).`, opts.field);
  return { path: target, filename: file.filename, bytes: file.bytes, fields };
}

export type UploadedFile = { name: string; bytes: Buffer; truncated: boolean };

/**
 * Small uploads (health documents, DOC-2) read into memory while streaming: reading stops one byte
 * past `maxFileBytes`, so a too-large file is known without receiving it whole (`truncated`).
 */
export async function readSmallUploads(request: Request, opts: { field: string; maxFileBytes: number; maxFiles: number }):
  Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!request.body) throw new ValidationError('upload.empty', 'Aucun fichier reçu.', opts.field);
  const fields: Record<string, string> = {};
  const reads: Promise<UploadedFile>[] = [];
  let tooMany = false;
  const busboy = Busboy({ headers: Object.fromEntries(request.headers),
    limits: { files: opts.maxFiles, fileSize: opts.maxFileBytes + 1, fields: 20, fieldSize: 10_000 } });
  busboy.on('field', (name, value) => { fields[name] = value; });
  busboy.on('filesLimit', () => { tooMany = true; });
  busboy.on('file', (name, stream, info) => {
    if (name !== opts.field) { stream.resume(); return; }
    reads.push(new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('close', () => resolve({ name: info.filename ?? 'fichier', bytes: Buffer.concat(chunks), truncated: (stream as { truncated?: boolean }).truncated ?? false }));
    }));
  });
  await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), busboy);
  const files = (await Promise.all(reads)).filter((f) => f.name !== '' || f.bytes.length > 0); // an empty file input sends one nameless part
  if (tooMany) throw new ValidationError('upload.too-many', `Vous pouvez envoyer ${opts.maxFiles} fichiers au plus.`, opts.field);
  return { files, fields };
}
