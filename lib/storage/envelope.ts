import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { config } from '@/lib/config';

/**
 * DOC-13 envelope encryption of document blobs, pure crypto (no I/O).
 *
 * Each blob has its own random 256-bit data key; the blob is AES-256-GCM encrypted with it and the
 * data key is stored next to the document row, itself AES-256-GCM encrypted ("wrapped") by the
 * master key from the environment. Stored blob layout:
 *
 *   [ 12-byte IV ][ ciphertext, same length as the plaintext ][ 16-byte GCM tag ]
 *
 * Both directions are streaming transforms: a file is never held whole in memory. While
 * encrypting, the size, SHA-256 and SHA-1 of the plaintext are computed (DOC-13, PDSm).
 */

export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;
export const KEY_LENGTH = 32;
/** Buffering of the transforms, as fs streams (Node 20's stream default is 16 KiB). */
const STREAM_CHUNK = 64 * 1024;

/** Version prefix of wrapped keys; a master-key rotation adds `v2` (new key) and keeps reading `v1`. */
export const WRAP_VERSION = 'v1';
/** Domain separation: a value sealed elsewhere with the same key never unwraps as a document key. */
const WRAP_AAD = Buffer.from('mes:document-key:v1');

export class BlobIntegrityError extends Error {
  constructor(message = 'document blob failed its integrity check (altered, truncated or wrong key)') {
    super(message);
    this.name = 'BlobIntegrityError';
  }
}

/**
 * The master key: `DOCUMENT_MASTER_KEY` (32 bytes, base64). Outside production, when unset, a demo
 * key derived from AUTH_SECRET (lib/config refuses to start production without the variable).
 */
export function masterKey(): Buffer {
  const { DOCUMENT_MASTER_KEY, AUTH_SECRET, NODE_ENV } = config();
  if (DOCUMENT_MASTER_KEY) {
    const key = Buffer.from(DOCUMENT_MASTER_KEY, 'base64');
    if (key.length !== KEY_LENGTH) throw new Error('DOCUMENT_MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (NODE_ENV === 'production') throw new Error('DOCUMENT_MASTER_KEY is required in production');
  return createHash('sha256').update(`document-master-key:${AUTH_SECRET}`).digest();
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}

function checkKey(key: Buffer, what: string): void {
  if (key.length !== KEY_LENGTH) throw new Error(`${what} must be ${KEY_LENGTH} bytes`);
}

/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function wrapKey(dataKey: Buffer, master: Buffer = masterKey()): string {
  checkKey(dataKey, 'data key');
  checkKey(master, 'master key');
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(WRAP_AAD);
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return [WRAP_VERSION, ...[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'))].join('.');
}

export function unwrapKey(wrapped: string, master: Buffer = masterKey()): Buffer {
  checkKey(master, 'master key');
  const [version, ...parts] = wrapped.split('.');
  if (version !== WRAP_VERSION) throw new BlobIntegrityError(`unknown wrapped key version: ${version ?? '(none)'}`);
  const [iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url'));
  if (parts.length !== 3 || !iv || !tag || !data || iv.length !== IV_LENGTH || tag.length !== TAG_LENGTH || data.length !== KEY_LENGTH) {
    throw new BlobIntegrityError('wrapped key is malformed');
  }
  const decipher = createDecipheriv('aes-256-gcm', master, iv);
  decipher.setAAD(WRAP_AAD);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new BlobIntegrityError('wrapped key cannot be unwrapped with this master key');
  }
}

export type PlaintextFacts = { size: number; sha256: string; sha1: string };

export type EncryptingStream = Transform & {
  /** Size and hex digests of the plaintext; available once the stream has ended. */
  facts(): PlaintextFacts;
};

/** Plaintext in, `IV ‖ ciphertext ‖ tag` out, hashing the plaintext on the way. */
export function encryptStream(dataKey: Buffer): EncryptingStream {
  checkKey(dataKey, 'data key');
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const sha256: Hash = createHash('sha256');
  const sha1: Hash = createHash('sha1');
  let size = 0;
  let facts: PlaintextFacts | undefined;
  let started = false;
  const stream = new Transform({
    highWaterMark: STREAM_CHUNK,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!started) { started = true; this.push(iv); }
      size += chunk.length;
      sha256.update(chunk);
      sha1.update(chunk);
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      try {
        if (!started) { started = true; this.push(iv); }
        const last = cipher.final();
        if (last.length > 0) this.push(last);
        this.push(cipher.getAuthTag());
        facts = { size, sha256: sha256.digest('hex'), sha1: sha1.digest('hex') };
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  }) as EncryptingStream;
  stream.facts = () => {
    if (!facts) throw new Error('encryptStream: facts are known only once the stream has ended');
    return facts;
  };
  return stream;
}

/**
 * `IV ‖ ciphertext ‖ tag` in, plaintext out. The last 16 bytes are held back as the tag; at the end
 * GCM verifies it and the stream errors with BlobIntegrityError if any stored byte was altered or
 * the key is wrong. As with any streamed AEAD, bytes are emitted before that final check: a
 * consumer must treat a stream error as "the whole document is invalid" (getBuffer() does).
 */
export function decryptStream(dataKey: Buffer): Transform {
  checkKey(dataKey, 'data key');
  let header: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let tail: Buffer = Buffer.alloc(0);

  /** Decrypts all but the last TAG_LENGTH bytes seen so far, which are kept as the candidate tag. */
  const feed = (d: DecipherGCM, push: (b: Buffer) => void, chunk: Buffer) => {
    if (chunk.length >= TAG_LENGTH) {
      if (tail.length > 0) push(d.update(tail));
      const cut = chunk.length - TAG_LENGTH;
      if (cut > 0) push(d.update(chunk.subarray(0, cut)));
      tail = Buffer.from(chunk.subarray(cut)); // a copy: do not pin the whole chunk
    } else {
      const joined = Buffer.concat([tail, chunk]);
      const cut = Math.max(0, joined.length - TAG_LENGTH);
      if (cut > 0) push(d.update(joined.subarray(0, cut)));
      tail = joined.subarray(cut);
    }
  };

  return new Transform({
    highWaterMark: STREAM_CHUNK,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const push = (b: Buffer) => { if (b.length > 0) this.push(b); };
      if (!decipher) {
        header = Buffer.concat([header, chunk]);
        if (header.length < IV_LENGTH) { callback(); return; }
        decipher = createDecipheriv('aes-256-gcm', dataKey, header.subarray(0, IV_LENGTH));
        const rest = header.subarray(IV_LENGTH);
        header = Buffer.alloc(0);
        if (rest.length > 0) feed(decipher, push, rest);
      } else {
        feed(decipher, push, chunk);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (!decipher || tail.length < TAG_LENGTH) {
        callback(new BlobIntegrityError('document blob is truncated'));
        return;
      }
      try {
        decipher.setAuthTag(tail);
        const last = decipher.final();
        if (last.length > 0) this.push(last);
        callback();
      } catch {
        callback(new BlobIntegrityError());
      }
    },
  });
}
