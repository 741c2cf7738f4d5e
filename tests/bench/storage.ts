/**
 * Document storage benchmark (`npm run bench:storage`, DOC-13): BENCH_FILES files (default 200) of
 * BENCH_FILE_MB Mo (default 5) encrypted and stored through the local driver (AES-256-GCM, per-file
 * key, SHA-256 + SHA-1 of the plaintext, temp file + fsync + rename), then read back and decrypted,
 * next to plain copies and plain reads of the same bytes in the same run. Prints throughputs and
 * the process's peak RSS (streams: a file is never held whole). A benchmark, not a test.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredBlob } from '@/lib/storage/blob-store';
import { createLocalBlobStore } from '@/lib/storage/local-driver';

const FILES = Number(process.env.BENCH_FILES ?? 200);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 5);
const SIZE = Math.round(FILE_MB * 1e6);
/** Distinct source files, used in turn (the sources stay in the page cache, as an upload in memory would). */
const SOURCES = Math.min(FILES, 20);

const sink = () => new Writable({ write(_chunk, _encoding, callback) { callback(); } });
const drain = (stream: Readable) => pipeline(stream, sink());

async function timed(run: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < FILES; i++) await run(i);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mbps = (seconds: number) => (FILES * SIZE) / 1e6 / seconds;
function line(label: string, seconds: number, reference?: number) {
  const ratio = reference ? `   ${fmt(seconds / reference, 2)}× le temps de la référence` : '';
  console.log(`${label.padEnd(44)} ${fmt(seconds, 2).padStart(7)} s   ${fmt(mbps(seconds)).padStart(6)} Mo/s${ratio}`);
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mes-bench-storage-'));
  try {
    const sources = Array.from({ length: SOURCES }, (_, i) => path.join(dir, 'sources', `source-${i}.bin`));
    mkdirSync(path.join(dir, 'sources'));
    mkdirSync(path.join(dir, 'stream-copies'));
    mkdirSync(path.join(dir, 'copyfile-copies'));
    for (const file of sources) writeFileSync(file, randomBytes(SIZE));
    const source = (i: number) => sources[i % SOURCES]!;
    console.log(`Fichiers : ${fmt(FILES)} × ${fmt(FILE_MB, 1)} Mo = ${fmt((FILES * SIZE) / 1e6)} Mo (${SOURCES} sources distinctes), dossier ${dir}`);

    const store = createLocalBlobStore({ root: path.join(dir, 'documents'), masterKey: randomBytes(32) });
    const blobs: StoredBlob[] = [];
    const streamCopy = (i: number) => path.join(dir, 'stream-copies', `${i}.bin`);

    // Warm-up: one file each way, so that JIT and first directory creations are not timed.
    await pipeline(createReadStream(source(0)), createWriteStream(path.join(dir, 'warm.bin'), { mode: 0o600, flush: true }));
    await store.getBuffer(await store.put(createReadStream(source(0))));

    // Writes. The plain stream copy does what the store does minus the crypto: stream, mode 0600, fsync at close.
    const copyStream = await timed((i) => pipeline(createReadStream(source(i)), createWriteStream(streamCopy(i), { mode: 0o600, flush: true })));
    const put = await timed(async (i) => { blobs.push(await store.put(createReadStream(source(i)))); });
    const copyKernel = await timed((i) => copyFile(source(i), path.join(dir, 'copyfile-copies', `${i}.bin`)));

    // Reads (page cache warm for both: they were just written).
    const readPlain = await timed((i) => drain(createReadStream(streamCopy(i))));
    const readDecrypt = await timed(async (i) => drain(await store.get(blobs[i]!)));

    console.log('\nÉcriture');
    line('Copie simple en flux + fsync (référence)', copyStream);
    line('Chiffrement + stockage (put)', put, copyStream);
    line('fs.copyFile, sans fsync (pour information)', copyKernel);
    console.log('\nLecture');
    line('Lecture simple en flux (référence)', readPlain);
    line('Lecture + déchiffrement (get)', readDecrypt, readPlain);
    console.log(`\nRSS maximal du processus ${fmt(process.resourceUsage().maxRSS / 1024)} Mo (fichiers lus et écrits en flux, jamais entiers en mémoire)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
