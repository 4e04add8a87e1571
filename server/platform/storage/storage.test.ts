import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStorage,
  generateStorageKey,
  LocalStorage,
  S3Storage,
  StorageNotFoundError,
  type TStorage,
} from './index';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const key = () => generateStorageKey('documents', new Date('2026-03-02T02:00:00Z'));

/** A readable that yields `data` in chunks and then fails, like a connection dropped mid-upload. */
function failingAfter(data: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(data);
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

/** A large stream produced chunk by chunk (never held whole), with its expected hash. */
function generated(totalBytes: number, chunk = 256 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= totalBytes) return this.push(null);
      const n = Math.min(chunk, totalBytes - produced);
      const piece = randomBytes(n);
      hash.update(piece);
      produced += n;
      this.push(piece);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

let tmp: string;
let s3: S3rver;
let s3Endpoint: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kc-storage-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: path.join(tmp, 's3rver'),
    silent: true,
    configureBuckets: [{ name: 'khuyencong' }],
  });
  const address = await s3.run();
  s3Endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3?.close();
  await rm(tmp, { recursive: true, force: true });
});

const adapters: [string, () => TStorage][] = [
  ['local folder', () => new LocalStorage(path.join(tmp, 'files'))],
  [
    'S3 (s3rver, a local S3-compatible server)',
    () =>
      new S3Storage({
        bucket: 'khuyencong',
        prefix: 'kc/test',
        endpoint: s3Endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        partSize: 5 * 1024 * 1024,
      }),
  ],
];

describe.each(adapters)('storage contract: %s', (_name, make) => {
  let storage: TStorage;
  beforeAll(() => {
    storage = make();
  });

  it('stores a stream and reports its size and SHA-256; reads it back, whole and by range', async () => {
    const data = Buffer.from('Phiếu tiếp nhận hồ sơ — nội dung thử nghiệm\n'.repeat(100));
    const k = key();
    const result = await storage.put(k, Readable.from([data.subarray(0, 100), data.subarray(100)]));
    expect(result).toEqual({ size: data.length, sha256: sha256(data) });
    expect(await buffer(await storage.get(k))).toEqual(data);
    expect(await buffer(await storage.get(k, { start: 10, end: 19 }))).toEqual(data.subarray(10, 20));
    expect(await buffer(await storage.get(k, { start: data.length - 5 }))).toEqual(data.subarray(-5));
    expect(await storage.stat(k)).toEqual({ size: data.length });
    expect(await storage.exists(k)).toBe(true);
  });

  it('stores an empty stream', async () => {
    const k = key();
    expect(await storage.put(k, Readable.from([]))).toEqual({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await storage.stat(k)).toEqual({ size: 0 });
  });

  it('streams a file larger than several S3 parts with the right hash', async () => {
    const source = generated(17 * 1024 * 1024 + 123);
    const k = key();
    const result = await storage.put(k, source.stream);
    expect(result.size).toBe(17 * 1024 * 1024 + 123);
    expect(result.sha256).toBe(source.digest());
    const hash = createHash('sha256');
    for await (const chunk of await storage.get(k)) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(result.sha256);
  });

  it('leaves nothing behind when the stream fails half-way', async () => {
    const k = key();
    await expect(storage.put(k, failingAfter(randomBytes(6 * 1024 * 1024)))).rejects.toThrow(
      'connection reset',
    );
    expect(await storage.exists(k)).toBe(false);
    expect(await storage.stat(k)).toBeNull();
  });

  it('answers a missing object with StorageNotFoundError, and deleting it twice is fine', async () => {
    const k = key();
    await expect(storage.get(k)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.put(k, Readable.from([Buffer.from('x')]));
    await storage.delete(k);
    await storage.delete(k);
    expect(await storage.exists(k)).toBe(false);
  });

  it('refuses keys it did not generate (path traversal, absolute paths, odd characters)', async () => {
    for (const bad of [
      '../../etc/passwd',
      '/etc/passwd',
      'documents/../../x',
      'a',
      'documents/Tên tệp.pdf',
    ]) {
      await expect(storage.put(bad, Readable.from([Buffer.from('x')]))).rejects.toThrow(
        /invalid storage key/,
      );
      await expect(storage.get(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe('local folder adapter', () => {
  it('generates keys like documents/2026/ab/<uuid>, never from a user name', () => {
    const k = key();
    expect(k).toMatch(/^documents\/2026\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(k.split('/')[2]).toBe(k.split('/')[3]!.slice(0, 2));
    expect(key()).not.toBe(k);
  });

  it('writes atomically: nothing appears under the key until the stream has ended', async () => {
    const root = path.join(tmp, 'atomic');
    const storage = new LocalStorage(root);
    const k = key();
    const source = new PassThrough();
    const done = storage.put(k, source);
    source.write(Buffer.alloc(1024 * 1024, 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(await storage.exists(k)).toBe(false);
    const folder = path.join(root, path.dirname(k));
    const during = await readdir(folder);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.partial-/);
    source.end(Buffer.alloc(10, 2));
    expect((await done).size).toBe(1024 * 1024 + 10);
    expect(await readdir(folder)).toEqual([path.basename(k)]);
    const file = await stat(path.join(root, k));
    expect(file.mode & 0o777).toBe(0o640);
    expect((await readFile(path.join(root, k))).length).toBe(1024 * 1024 + 10);
  });

  it('removes the temporary file when the stream fails', async () => {
    const root = path.join(tmp, 'failing');
    const storage = new LocalStorage(root);
    const k = key();
    await expect(storage.put(k, failingAfter(Buffer.alloc(1000)))).rejects.toThrow();
    expect(await readdir(path.join(root, path.dirname(k)))).toEqual([]);
  });

  it('is chosen by STORAGE_URL', () => {
    const local = createStorage({
      storageUrl: 'file:///srv/khuyến công/files',
      s3Endpoint: undefined,
      s3Region: 'x',
    });
    expect(local).toBeInstanceOf(LocalStorage);
    expect((local as LocalStorage).root).toBe('/srv/khuyến công/files');
    const remote = createStorage({
      storageUrl: 's3://ho-so/khuyencong/2026/',
      s3Endpoint: 'http://127.0.0.1:9000',
      s3Region: 'us-east-1',
    });
    expect(remote).toBeInstanceOf(S3Storage);
    expect((remote as S3Storage).options).toMatchObject({ bucket: 'ho-so', prefix: 'khuyencong/2026' });
  });
});
