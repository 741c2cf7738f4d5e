import { randomUUID } from 'node:crypto';
import { pipeline as pipe, type Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { config } from '@/lib/config';
import { BlobNotFoundError, assertBlobKey, readAll, toReadable, type BlobStore, type DriverOptions } from './blob-store';
import { decryptStream, encryptStream, masterKey, newDataKey, unwrapKey, wrapKey } from './envelope';

export type S3DriverOptions = DriverOptions & {
  client?: S3Client;
  bucket?: string;
  /** Multipart part size (S3 minimum 5 MiB) and parts uploaded in parallel per blob. */
  partSize?: number;
  queueSize?: number;
};

/**
 * Client for any S3-compatible service (AWS, MinIO, Garage, Ceph RGW, Scaleway, OVH…) from
 * S3_ENDPOINT / S3_REGION / S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY. Path-style addressing
 * (`<endpoint>/<bucket>/<key>`) needs no wildcard DNS. Checksums only where the API requires them:
 * the SDK's default streaming CRC trailers are not understood by every S3-compatible server, and
 * GCM already authenticates every byte (DOC-13).
 */
export function s3ClientFromConfig(): S3Client {
  const env = config();
  return new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
      : undefined, // else the SDK's default chain (environment, instance role…)
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}

/** Creates the bucket if it does not exist (demo / first start against an empty MinIO). */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/**
 * DOC-13 S3 driver: one object per blob, named by its key, holding `IV ‖ ciphertext ‖ tag`. The
 * encrypted stream is uploaded as it is produced (multipart above one part), never buffered whole.
 */
export function createS3BlobStore(options: S3DriverOptions = {}): BlobStore {
  let client: S3Client | undefined = options.client;
  const s3 = () => (client ??= s3ClientFromConfig());
  const bucket = () => options.bucket ?? config().S3_BUCKET;
  const master = () => options.masterKey ?? masterKey();

  const store: BlobStore = {
    async put(data) {
      const key = randomUUID();
      const dataKey = newDataKey();
      const wrappedKey = wrapKey(dataKey, master());
      const encrypt = encryptStream(dataKey);
      // Callback pipeline: a source error destroys `encrypt`, which makes the upload fail and abort.
      const body = pipe(toReadable(data), encrypt, () => {}) as Readable;
      const upload = new Upload({
        client: s3(),
        params: { Bucket: bucket(), Key: key, Body: body, ContentType: 'application/octet-stream' },
        partSize: options.partSize ?? 8 * 1024 * 1024,
        queueSize: options.queueSize ?? 2,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        body.destroy();
        throw error;
      }
      return { key, wrappedKey, ...encrypt.facts() };
    },

    async get(ref) {
      assertBlobKey(ref.key);
      const dataKey = unwrapKey(ref.wrappedKey, master());
      let response;
      try {
        response = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: ref.key }));
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(ref.key);
        throw error;
      }
      const source = response.Body as Readable | undefined;
      if (!source) throw new BlobNotFoundError(ref.key);
      return pipe(source, decryptStream(dataKey), () => {}) as Readable;
    },

    async getBuffer(ref) {
      return readAll(await store.get(ref));
    },

    async delete(key) {
      assertBlobKey(key);
      try {
        await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
      } catch (error) {
        if (!isNotFound(error)) throw error; // S3 answers 204 for a missing key; some servers 404
      }
    },
  };
  return store;
}
