import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertStorageKey,
  StorageNotFoundError,
  type TByteRange,
  type TPutResult,
  type TStorage,
} from './storage';

/**
 * Files in a local folder (the default, `file://$DATA_DIR/files`). The folder must lie outside any
 * folder the web server serves. Writes are atomic: the bytes go to a temporary name in the target
 * folder, are flushed to disk (fsync), and are renamed into place; the folder entry is flushed too,
 * so an acknowledged file survives a crash (quality.md R1).
 */
export class LocalStorage implements TStorage {
  readonly kind = 'file' as const;

  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`invalid storage key: ${key}`);
    return full;
  }

  async put(key: string, body: Readable): Promise<TPutResult> {
    const target = this.pathOf(key);
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true });
    // A dot name in the same folder: same file system (so rename is atomic), never a valid key.
    const temp = path.join(folder, `.partial-${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const file = createWriteStream(temp, { flags: 'wx', mode: 0o640 });
    try {
      await pipeline(body, meter, file);
      // fsync through a second descriptor: it flushes the file's data whichever descriptor wrote it.
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // The file may still be opening when the source fails (it is created asynchronously): wait until
      // the write stream has closed, or the unlink below would race its creation and leave a partial.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await unlink(temp).catch(() => {});
      throw error;
    }
    try {
      await rename(temp, target);
      await syncFolder(folder);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(key: string, range?: TByteRange): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first, so a missing file rejects here rather than as a stream error after headers are sent.
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StorageNotFoundError(key) : error;
    });
    // The stream owns the handle from here on and closes it at the end or on error.
    return handle.createReadStream(
      range ? { start: range.start, ...(range.end === undefined ? {} : { end: range.end }) } : {},
    );
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** Flushes a folder's entries (the rename) to disk; not supported on every platform, hence best effort. */
async function syncFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => {});
  }
}
