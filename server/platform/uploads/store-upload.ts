import type { Readable } from 'node:stream';
import { Transform, type TransformCallback } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AppError } from '../errors';
import type { TStorage } from '../storage';
import type { TVirusScanner } from './clamav';
import { FILE_TYPE_CONTENT_TYPES, HEAD_BYTES, sniffFile, sniffHead, type TFileType } from './sniff';

export type TStoredUpload = {
  key: string;
  size: number;
  sha256: string;
  type: TFileType;
  contentType: string;
};

/**
 * Refuses a stream as soon as its first bytes show a type outside the allow-list (an `MZ` executable is
 * stopped at its first chunk, before it reaches storage's final name), and otherwise passes it on.
 */
class HeadGuard extends Transform {
  private head = Buffer.alloc(0);
  private decided = false;

  constructor(private readonly isTruncated: () => boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.decided) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length >= HEAD_BYTES) {
        if (!sniffHead(this.head)) {
          callback(new AppError('unsupported_file_type'));
          return;
        }
        this.decided = true;
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    // Checked at the end too: the source may have been cut at the limit before anyone listened.
    if (this.isTruncated()) callback(new AppError('payload_too_large'));
    else if (!this.decided) callback(new AppError('unsupported_file_type'));
    else callback();
  }
}

/**
 * Streams an upload into storage under `key` (never buffered whole): the first bytes are checked on the
 * way, storage computes the SHA-256, then the stored file is sniffed fully (tail, ZIP directory) with a
 * few ranged reads. A refused file is deleted and `415 unsupported_file_type` thrown; a stream that
 * fails (a dropped connection, `tooLarge` raised by the caller) leaves nothing in storage.
 *
 * `limit`: how the source reports that it passed the size limit (@fastify/multipart: a `limit` event
 * and `file.truncated`); either way it becomes `413 payload_too_large` before anything is stored.
 */
export async function storeUpload(input: {
  storage: TStorage;
  source: Readable;
  key: string;
  limit?: { event: string; isTruncated: () => boolean };
  /**
   * The antivirus (clamd, `virusScannerFor(config)`); a file it flags is deleted and refused with 422
   * malware_detected. Required, so that no upload path forgets it (R5); null = scanning off.
   */
  scanner: TVirusScanner | null;
}): Promise<TStoredUpload> {
  const { storage, source, key, limit } = input;
  const guard = new HeadGuard(limit?.isTruncated ?? (() => false));
  // The guard may fail before storage has attached to it (storage first prepares its folder or request):
  // its error is then reported by storage's pipeline, which sees the stream already errored.
  guard.on('error', () => {});
  source.on('error', (error) => guard.destroy(error));
  if (limit) source.once(limit.event, () => guard.destroy(new AppError('payload_too_large')));
  source.pipe(guard);
  const { size, sha256 } = await storage.put(key, guard);
  try {
    const verdict = await sniffFile(size, async (start, end) =>
      end <= start ? Buffer.alloc(0) : buffer(await storage.get(key, { start, end: end - 1 })),
    );
    if (!verdict.ok) throw new AppError('unsupported_file_type', { reason: verdict.reason });
    if (input.scanner) {
      const scanned = await input.scanner.scan(await storage.get(key)).catch(() => {
        throw new AppError('scan_unavailable');
      });
      if (!scanned.clean) throw new AppError('malware_detected', { reason: scanned.signature });
    }
    return { key, size, sha256, type: verdict.type, contentType: FILE_TYPE_CONTENT_TYPES[verdict.type] };
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}
