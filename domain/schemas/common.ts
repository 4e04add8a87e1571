import { z } from 'zod';
import { isIsoDate } from '../lib/dates';

/** Shared pieces of the API contract (api.md "Conventions"). */
export const ZIsoDate = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' }).meta({ format: 'date' });
export const ZUuid = z.uuid();
export const ZInstant = z.iso.datetime({ offset: true });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** `?sort=field` or `?sort=-field` over an allow-list of fields. */
export function zSort<const T extends readonly [string, ...string[]]>(fields: T) {
  return z.enum([...fields, ...fields.map((f) => `-${f}`)] as [string, ...string[]]).optional();
}

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** `?active=true|false` */
export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});

/** A trimmed, non-empty line of text (names, titles). */
export const zText = (max: number) => z.string().trim().min(1).max(max);
export const ZEmail = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
