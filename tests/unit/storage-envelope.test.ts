import { createHash, randomBytes } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { describe, expect, test } from 'vitest';
import {
  BlobIntegrityError,
  IV_LENGTH,
  TAG_LENGTH,
  decryptStream,
  encryptStream,
  masterKey,
  newDataKey,
  unwrapKey,
  wrapKey,
} from '@/lib/storage/envelope';
import { config } from '@/lib/config';
import { readAll } from '@/lib/storage/blob-store';

/** Runs `data` through a transform, in chunks of `chunkSize` bytes (all at once by default). */
async function through(transform: Transform, data: Buffer, chunkSize = data.length || 1): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  return readAll(Readable.from(chunks).pipe(transform));
}

async function seal(plain: Buffer, dataKey = newDataKey()) {
  const encrypt = encryptStream(dataKey);
  const stored = await through(encrypt, plain, 64 * 1024);
  return { dataKey, stored, facts: encrypt.facts(), wrappedKey: wrapKey(dataKey) };
}

async function open(stored: Buffer, wrappedKey: string, master?: Buffer, chunkSize?: number): Promise<Buffer> {
  return through(decryptStream(unwrapKey(wrappedKey, master)), stored, chunkSize);
}

const hex = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex');

describe('DOC-13 envelope encryption', () => {
  test('DOC-13: a blob round-trips and its stored bytes are IV ‖ ciphertext ‖ tag, not the plaintext', async () => {
    const plain = Buffer.from('Compte rendu de consultation — Dr Martin, 12/03/2026. '.repeat(200));
    const { stored, wrappedKey } = await seal(plain);
    expect(stored.length).toBe(IV_LENGTH + plain.length + TAG_LENGTH);
    expect(stored.includes(Buffer.from('Compte rendu'))).toBe(false);
    expect(await open(stored, wrappedKey)).toEqual(plain);
  });

  test('DOC-13: size, SHA-256 and SHA-1 are those of the plaintext (hex)', async () => {
    const plain = randomBytes(300_001);
    const { facts, stored } = await seal(plain);
    expect(facts).toEqual({ size: plain.length, sha256: hex('sha256', plain), sha1: hex('sha1', plain) });
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(facts.sha256).not.toBe(hex('sha256', stored));
  });

  test('DOC-13: an empty file is stored and read back', async () => {
    const { stored, wrappedKey, facts } = await seal(Buffer.alloc(0));
    expect(stored.length).toBe(IV_LENGTH + TAG_LENGTH);
    expect(facts).toEqual({ size: 0, sha256: hex('sha256', Buffer.alloc(0)), sha1: hex('sha1', Buffer.alloc(0)) });
    expect((await open(stored, wrappedKey)).length).toBe(0);
  });

  test('DOC-13: decryption does not depend on how the stored bytes are chunked', async () => {
    const plain = randomBytes(1000);
    const { stored, wrappedKey } = await seal(plain);
    for (const size of [1, 5, 11, 12, 13, 15, 16, 17, 28, 100, 4096]) {
      expect(await open(stored, wrappedKey, undefined, size)).toEqual(plain);
    }
  });

  test('DOC-13: a flipped byte anywhere in the stored blob (IV, ciphertext, tag) makes reading fail', async () => {
    const plain = randomBytes(10_000);
    const { stored, wrappedKey } = await seal(plain);
    for (const at of [0, IV_LENGTH - 1, IV_LENGTH, IV_LENGTH + 5000, stored.length - TAG_LENGTH - 1, stored.length - 1]) {
      const altered = Buffer.from(stored);
      altered[at]! ^= 0x01;
      await expect(open(altered, wrappedKey), `byte ${at}`).rejects.toBeInstanceOf(BlobIntegrityError);
    }
  });

  test('DOC-13: a truncated or extended blob makes reading fail', async () => {
    const { stored, wrappedKey } = await seal(randomBytes(2000));
    await expect(open(stored.subarray(0, stored.length - 1), wrappedKey)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(open(stored.subarray(0, 20), wrappedKey)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(open(Buffer.alloc(0), wrappedKey)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(open(Buffer.concat([stored, Buffer.from([0])]), wrappedKey)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  test('DOC-13: the wrapped key is versioned and opens only with the master key that wrapped it', async () => {
    const { stored, wrappedKey, dataKey } = await seal(Buffer.from('ordonnance'));
    expect(wrappedKey).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(wrappedKey).not.toContain(dataKey.toString('base64url'));
    expect(unwrapKey(wrappedKey)).toEqual(dataKey);
    const otherMaster = randomBytes(32);
    expect(() => unwrapKey(wrappedKey, otherMaster)).toThrow(BlobIntegrityError);
    await expect(open(stored, wrappedKey, otherMaster)).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(() => unwrapKey(wrappedKey.replace(/^v1\./, 'v9.'))).toThrow(/version/);
    expect(() => unwrapKey('v1.abc')).toThrow(BlobIntegrityError);
  });

  test('DOC-13: each blob gets its own data key and IV (same plaintext, different stored bytes)', async () => {
    const plain = Buffer.from('même contenu');
    const a = await seal(plain);
    const b = await seal(plain);
    expect(a.dataKey.equals(b.dataKey)).toBe(false);
    expect(a.stored.equals(b.stored)).toBe(false);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
  });

  test('DOC-13: the master key is DOCUMENT_MASTER_KEY, or outside production one derived from AUTH_SECRET', () => {
    const { DOCUMENT_MASTER_KEY, AUTH_SECRET } = config();
    const expected = DOCUMENT_MASTER_KEY
      ? Buffer.from(DOCUMENT_MASTER_KEY, 'base64')
      : createHash('sha256').update(`document-master-key:${AUTH_SECRET}`).digest();
    expect(masterKey()).toEqual(expected);
    expect(expected.length).toBe(32);
  });

  test('DOC-13: a 5 MB file round-trips', async () => {
    const plain = randomBytes(5 * 1024 * 1024);
    const { stored, wrappedKey, facts } = await seal(plain);
    expect(facts.size).toBe(plain.length);
    expect(facts.sha256).toBe(hex('sha256', plain));
    const back = await open(stored, wrappedKey, undefined, 64 * 1024);
    expect(back.equals(plain)).toBe(true);
  });
});
