import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipe, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { config } from '@/lib/config';
import { BlobNotFoundError, assertBlobKey, readAll, toReadable, type BlobStore, type DriverOptions } from './blob-store';
import { decryptStream, encryptStream, masterKey, newDataKey, unwrapKey, wrapKey } from './envelope';

export type LocalDriverOptions = DriverOptions & {
  /** Root folder of the blobs; default `<DATA_DIR>/documents`. */
  root?: string;
};

/**
 * DOC-13 local driver: `<root>/<first 2 chars of key>/<key>`, mode 0600. A blob is written to a
 * temporary file in the same folder, flushed, then renamed: a reader never sees a half-written
 * blob, and a crash leaves at most a `.tmp` file behind (never a blob under its real name).
 */
export function createLocalBlobStore(options: LocalDriverOptions = {}): BlobStore {
  const root = () => options.root ?? path.resolve(config().DATA_DIR, 'documents');
  const master = () => options.masterKey ?? masterKey();
  const fileOf = (key: string) => path.join(root(), key.slice(0, 2), key);

  const store: BlobStore = {
    async put(data) {
      const key = randomUUID();
      const dataKey = newDataKey();
      const wrappedKey = wrapKey(dataKey, master());
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = path.join(path.dirname(file), `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      const encrypt = encryptStream(dataKey);
      try {
        await pipeline(toReadable(data), encrypt, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
        await rename(tmp, file);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return { key, wrappedKey, ...encrypt.facts() };
    },

    async get(ref) {
      assertBlobKey(ref.key);
      const dataKey = unwrapKey(ref.wrappedKey, master());
      let handle;
      try {
        handle = await open(fileOf(ref.key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(ref.key);
        throw error;
      }
      // Callback pipeline: returns the decrypting end; an error anywhere destroys both streams.
      return pipe(handle.createReadStream(), decryptStream(dataKey), () => {}) as Readable;
    },

    async getBuffer(ref) {
      return readAll(await store.get(ref));
    },

    async delete(key) {
      assertBlobKey(key);
      await rm(fileOf(key), { force: true });
    },
  };
  return store;
}
