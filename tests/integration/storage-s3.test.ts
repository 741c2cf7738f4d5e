import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { BlobNotFoundError, blobStore, readAll, type BlobStore } from '@/lib/storage/blob-store';
import { BlobIntegrityError } from '@/lib/storage/envelope';
import { createS3BlobStore, ensureBucket, s3ClientFromConfig } from '@/lib/storage/s3-driver';

/**
 * The S3 driver against s3rver, an S3-compatible server run in this process on 127.0.0.1
 * (path-style, SigV4-checked, multipart uploads). lib/config is first read after it has started.
 */
vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
const directory = mkdtempSync(path.join(tmpdir(), 'mes-storage-s3-'));
const BUCKET = 'mes-documents-test';
let server: S3rver;
let client: S3Client;
let store: BlobStore;

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const env = {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  client = s3ClientFromConfig();
  await ensureBucket(client, BUCKET);
  await ensureBucket(client, BUCKET); // idempotent
  store = blobStore();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  client?.destroy();
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

const hex = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex');
async function rawObject(key: string): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return readAll(response.Body as Readable);
}

describe('DOC-13 S3 blob store (s3rver)', () => {
  test('DOC-13: put/get/delete through blobStore() with STORAGE_DRIVER=s3; the object is not the plaintext', async () => {
    const plain = Buffer.from('Lettre de liaison de sortie — service de cardiologie. '.repeat(500));
    const stored = await store.put(plain);
    expect(stored).toMatchObject({ size: plain.length, sha256: hex('sha256', plain), sha1: hex('sha1', plain) });
    expect(stored.wrappedKey).toMatch(/^v1\./);

    const raw = await rawObject(stored.key);
    expect(raw.length).toBe(plain.length + 28);
    expect(raw.includes(Buffer.from('cardiologie'))).toBe(false);

    expect((await store.getBuffer(stored)).equals(plain)).toBe(true);
    expect((await readAll(await store.get(stored))).equals(plain)).toBe(true);

    await store.delete(stored.key);
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: stored.key }))).rejects.toThrow();
    await expect(store.get(stored)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  test('DOC-13: delete is idempotent (a missing blob is not an error)', async () => {
    const stored = await store.put(Buffer.from('à supprimer'));
    await store.delete(stored.key);
    await store.delete(stored.key);
    await store.delete(randomUUID());
  });

  test('DOC-13: a 12 MB stream goes up in several multipart parts and reads back whole', async () => {
    const s3 = createS3BlobStore({ client, bucket: BUCKET, partSize: 5 * 1024 * 1024 });
    const parts = Array.from({ length: 12 }, () => randomBytes(1024 * 1024));
    const plain = Buffer.concat(parts);
    const send = vi.spyOn(client, 'send');
    const stored = await s3.put(Readable.from(parts));
    const commands = send.mock.calls.map(([command]) => command.constructor.name);
    send.mockRestore();
    expect(commands.filter((name) => name === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(stored).toMatchObject({ size: plain.length, sha256: hex('sha256', plain), sha1: hex('sha1', plain) });
    expect((await s3.getBuffer(stored)).equals(plain)).toBe(true);
    await s3.delete(stored.key);
  });

  test('DOC-13: an empty file round-trips', async () => {
    const stored = await store.put(Buffer.alloc(0));
    expect(stored.size).toBe(0);
    expect((await store.getBuffer(stored)).length).toBe(0);
  });

  test('DOC-13: a byte altered in the bucket makes get() fail (GCM tag)', async () => {
    const stored = await store.put(randomBytes(100_000));
    const raw = await rawObject(stored.key);
    raw[50_000]! ^= 0x01;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: stored.key, Body: raw }));
    await expect(store.getBuffer(stored)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  test('DOC-13: another master key cannot read the blob', async () => {
    const stored = await store.put(Buffer.from('secret médical'));
    const other = createS3BlobStore({ client, bucket: BUCKET, masterKey: randomBytes(32) });
    await expect(other.getBuffer(stored)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  test('DOC-13: a failing source stores nothing and the error reaches the caller', async () => {
    const failing = new Readable({
      read() {
        this.push(randomBytes(1000));
        this.destroy(new Error('upload interrompu'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('upload interrompu');
  });
});
