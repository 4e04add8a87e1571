import type { TAppContext } from '../../platform/context';
import { createStorage, type TStorage } from '../../platform/storage';

const byContext = new WeakMap<TAppContext, TStorage>();

/** The storage of an application context (STORAGE_URL), created once per context. */
export function storageOf(ctx: TAppContext): TStorage {
  let storage = byContext.get(ctx);
  if (!storage) {
    storage = createStorage(ctx.config);
    byContext.set(ctx, storage);
  }
  return storage;
}
