import { fileURLToPath } from 'node:url';
import type { TConfig } from '../config';
import { LocalStorage } from './local-storage';
import { S3Storage } from './s3-storage';
import type { TStorage } from './storage';

export { LocalStorage } from './local-storage';
export { S3Storage } from './s3-storage';
export {
  generateStorageKey,
  StorageNotFoundError,
  type TByteRange,
  type TPutResult,
  type TStorage,
} from './storage';

/**
 * The storage named by `STORAGE_URL`: `file:///abs/folder` (the default, `$DATA_DIR/files`) or
 * `s3://bucket/prefix` with `S3_ENDPOINT`, `AWS_REGION` and the SDK's usual `AWS_*` credentials.
 */
export function createStorage(config: Pick<TConfig, 'storageUrl' | 's3Endpoint' | 's3Region'>): TStorage {
  const url = new URL(config.storageUrl);
  if (url.protocol === 'file:') return new LocalStorage(fileURLToPath(url));
  if (url.protocol === 's3:') {
    if (!url.hostname) throw new Error('STORAGE_URL: s3:// needs a bucket name');
    return new S3Storage({
      bucket: url.hostname,
      prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
      endpoint: config.s3Endpoint,
      region: config.s3Region,
    });
  }
  throw new Error(`STORAGE_URL: unsupported scheme ${url.protocol}`);
}
