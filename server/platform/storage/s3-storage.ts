import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import {
  assertStorageKey,
  StorageNotFoundError,
  type TByteRange,
  type TPutResult,
  type TStorage,
} from './storage';

/** The AWS SDK, loaded on first use: importing it takes ~0.6 s and most installations store files locally (P7). */
const require = createRequire(import.meta.url);
let sdk: typeof S3 | undefined;
const s3 = (): typeof S3 => {
  sdk ??= require('@aws-sdk/client-s3') as typeof S3;
  return sdk;
};

export type TS3StorageOptions = {
  bucket: string;
  /** Key prefix inside the bucket, without leading or trailing slash ('' for none). */
  prefix: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud bucket); unset for AWS itself. */
  endpoint?: string;
  region: string;
  /** Explicit credentials; by default the SDK's chain (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bytes buffered per multipart part (S3's minimum is 5 MiB except for the last part). */
  partSize?: number;
};

const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

/**
 * Objects in an S3-compatible bucket (`STORAGE_URL=s3://bucket/prefix`, `S3_ENDPOINT` for non-AWS).
 * A stream of unknown length is sent as a multipart upload, one part buffered at a time (memory per
 * upload ≤ one part); a small object is one PutObject. S3 shows an object only once it is complete,
 * and a failed stream aborts the multipart upload, so nothing half-written is ever visible.
 */
export class S3Storage implements TStorage {
  readonly kind = 's3' as const;
  readonly client: S3.S3Client;
  private readonly partSize: number;

  constructor(readonly options: TS3StorageOptions) {
    this.client = new (s3().S3Client)({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Many S3-compatible servers do not understand the SDK's default trailing CRC checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.partSize = Math.max(5 * 1024 * 1024, options.partSize ?? DEFAULT_PART_SIZE);
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable): Promise<TPutResult> {
    const Bucket = this.options.bucket;
    const Key = this.objectKey(key);
    const hash = createHash('sha256');
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const parts: S3.CompletedPart[] = [];

    const sendPart = async () => {
      if (!uploadId) {
        const created = await this.client.send(new (s3().CreateMultipartUploadCommand)({ Bucket, Key }));
        uploadId = created.UploadId;
        if (!uploadId) throw new Error('S3 did not return an UploadId');
      }
      const PartNumber = parts.length + 1;
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      const result = await this.client.send(
        new (s3().UploadPartCommand)({
          Bucket,
          Key,
          UploadId: uploadId,
          PartNumber,
          Body: chunk,
          ContentLength: chunk.length,
        }),
      );
      parts.push({ PartNumber, ETag: result.ETag });
    };

    try {
      for await (const piece of body) {
        const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
        hash.update(chunk);
        size += chunk.length;
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= this.partSize) await sendPart();
      }
      if (!uploadId) {
        const whole = Buffer.concat(pending, pendingBytes);
        await this.client.send(
          new (s3().PutObjectCommand)({ Bucket, Key, Body: whole, ContentLength: whole.length }),
        );
      } else {
        if (pendingBytes > 0) await sendPart();
        await this.client.send(
          new (s3().CompleteMultipartUploadCommand)({
            Bucket,
            Key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      }
    } catch (error) {
      if (uploadId) {
        await this.client
          .send(new (s3().AbortMultipartUploadCommand)({ Bucket, Key, UploadId: uploadId }))
          .catch(() => {});
      }
      body.destroy();
      throw error;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(key: string, range?: TByteRange): Promise<Readable> {
    try {
      const result = await this.client.send(
        new (s3().GetObjectCommand)({
          Bucket: this.options.bucket,
          Key: this.objectKey(key),
          ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
        }),
      );
      const body = result.Body;
      if (!body) return Readable.from([]);
      return body instanceof Readable ? body : Readable.fromWeb(body.transformToWebStream() as never);
    } catch (error) {
      if (isNotFound(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const result = await this.client.send(
        new (s3().HeadObjectCommand)({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
      );
      return { size: result.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new (s3().DeleteObjectCommand)({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
