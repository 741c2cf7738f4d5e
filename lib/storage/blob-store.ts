import { Readable } from 'node:stream';
import { config } from '@/lib/config';
import { createLocalBlobStore } from './local-driver';

/**
 * DOC-13 document blob store. Every blob is encrypted at rest (lib/storage/envelope.ts): the
 * caller keeps `key` and `wrappedKey` on the document row, with the plaintext's size and hashes.
 * Drivers: `local` (files under DATA_DIR, the default) and `s3` (any S3-compatible service).
 */

export type BlobRef = { key: string; wrappedKey: string };
export type StoredBlob = BlobRef & { size: number; sha256: string; sha1: string }; // size/hashes of the PLAINTEXT; hex digests

export interface BlobStore {
  /** Encrypts with a fresh per-blob 256-bit key (AES-256-GCM), that key wrapped by the master key. */
  put(data: Buffer | Readable): Promise<StoredBlob>;
  /** Decrypting stream; it errors if the stored bytes were altered (GCM tag). */
  get(ref: BlobRef): Promise<Readable>;
  getBuffer(ref: BlobRef): Promise<Buffer>;
  /** Idempotent: deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
}

/** Options every driver accepts; the master key defaults to `masterKey()` (DOCUMENT_MASTER_KEY). */
export type DriverOptions = { masterKey?: Buffer };

export class BlobNotFoundError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`document blob not found: ${key}`);
    this.name = 'BlobNotFoundError';
    this.key = key;
  }
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys are random UUIDs made by put(); anything else (a path, `..`) is refused before any I/O. */
export function assertBlobKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error('invalid document blob key');
}

export function toReadable(data: Buffer | Readable): Readable {
  return Buffer.isBuffer(data) ? Readable.from([data]) : data;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A store whose driver module is imported on first use (keeps the S3 SDK out of processes that never touch it). */
function lazyStore(load: () => Promise<BlobStore>): BlobStore {
  let loading: Promise<BlobStore> | undefined;
  const store = () => {
    loading ??= load().catch((error: unknown) => { loading = undefined; throw error; });
    return loading;
  };
  return {
    put: async (data) => (await store()).put(data),
    get: async (ref) => (await store()).get(ref),
    getBuffer: async (ref) => (await store()).getBuffer(ref),
    delete: async (key) => (await store()).delete(key),
  };
}

let cached: BlobStore | undefined;

/** The process's blob store, driver chosen by `STORAGE_DRIVER`. */
export function blobStore(): BlobStore {
  if (cached) return cached;
  const env = config();
  cached = env.STORAGE_DRIVER === 's3'
    ? lazyStore(async () => (await import('./s3-driver')).createS3BlobStore())
    : createLocalBlobStore();
  return cached;
}
