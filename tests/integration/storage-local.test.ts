import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { config } from '@/lib/config';
import { BlobNotFoundError, blobStore, readAll } from '@/lib/storage/blob-store';
import { BlobIntegrityError } from '@/lib/storage/envelope';
import { createLocalBlobStore } from '@/lib/storage/local-driver';

// This file's own DATA_DIR, set before lib/config is first read in this file's module graph.
const dataDir = mkdtempSync(path.join(tmpdir(), 'mes-storage-local-'));
vi.stubEnv('DATA_DIR', dataDir);
vi.stubEnv('STORAGE_DRIVER', 'local');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const onDisk = (key: string) => path.join(dataDir, 'documents', key.slice(0, 2), key);
const hex = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex');

describe('DOC-13 local blob store', () => {
  test('DOC-13: blobStore() is the local driver under <DATA_DIR>/documents, cached per process', () => {
    expect(config().DATA_DIR).toBe(dataDir);
    expect(blobStore()).toBe(blobStore());
  });

  test('DOC-13: put/get/delete; the file on disk is not the plaintext, mode 0600, under <2 chars>/<key>', async () => {
    const plain = Buffer.from('%PDF-1.7 Compte rendu de biologie — glycémie 0,95 g/L '.repeat(1000));
    const stored = await blobStore().put(plain);
    expect(stored.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored).toMatchObject({ size: plain.length, sha256: hex('sha256', plain), sha1: hex('sha1', plain) });

    const file = onDisk(stored.key);
    const raw = readFileSync(file);
    expect(raw.length).toBe(plain.length + 28);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(Buffer.from('glycémie'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    expect((await blobStore().getBuffer(stored)).equals(plain)).toBe(true);
    expect((await readAll(await blobStore().get(stored))).equals(plain)).toBe(true);

    await blobStore().delete(stored.key);
    expect(() => statSync(file)).toThrow();
    await expect(blobStore().get(stored)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  test('DOC-13: delete is idempotent (a missing blob is not an error)', async () => {
    const stored = await blobStore().put(Buffer.from('à supprimer'));
    await blobStore().delete(stored.key);
    await blobStore().delete(stored.key);
    await blobStore().delete(randomUUID());
  });

  test('DOC-13: a stream is stored as it comes, and its size/hashes are those of the plaintext', async () => {
    const parts = Array.from({ length: 40 }, () => randomBytes(50_000));
    const plain = Buffer.concat(parts);
    const stored = await blobStore().put(Readable.from(parts));
    expect(stored).toMatchObject({ size: plain.length, sha256: hex('sha256', plain), sha1: hex('sha1', plain) });
    expect((await blobStore().getBuffer(stored)).equals(plain)).toBe(true);
  });

  test('DOC-13: a byte altered on disk makes get() fail (GCM tag)', async () => {
    const plain = randomBytes(200_000);
    const stored = await blobStore().put(plain);
    const file = onDisk(stored.key);
    const raw = readFileSync(file);
    raw[100_000]! ^= 0x80;
    writeFileSync(file, raw);
    await expect(blobStore().getBuffer(stored)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(readAll(await blobStore().get(stored))).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  test('DOC-13: another master key cannot read the blob', async () => {
    const stored = await blobStore().put(Buffer.from('secret médical'));
    const other = createLocalBlobStore({ root: path.join(dataDir, 'documents'), masterKey: randomBytes(32) });
    await expect(other.getBuffer(stored)).rejects.toBeInstanceOf(BlobIntegrityError);
    // Nor can a blob be read with another blob's wrapped key.
    const second = await blobStore().put(Buffer.from('autre document'));
    await expect(blobStore().getBuffer({ key: stored.key, wrappedKey: second.wrappedKey })).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  test('DOC-13: a failing source leaves no blob and no temporary file behind', async () => {
    const before = readdirSync(path.join(dataDir, 'documents'), { recursive: true }).length;
    const failing = new Readable({
      read() {
        this.push(randomBytes(1000));
        this.destroy(new Error('upload interrompu'));
      },
    });
    await expect(blobStore().put(failing)).rejects.toThrow('upload interrompu');
    const files = readdirSync(path.join(dataDir, 'documents'), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // At most a new (empty) shard folder, never a file.
    expect(files.length - before).toBeLessThanOrEqual(1);
  });

  test('DOC-13: keys that are not blob keys are refused before any file access', async () => {
    await expect(blobStore().get({ key: '../../etc/passwd', wrappedKey: 'v1.a.b.c' })).rejects.toThrow('invalid document blob key');
    await expect(blobStore().delete('../secret')).rejects.toThrow('invalid document blob key');
  });
});
