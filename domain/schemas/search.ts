import { z } from 'zod';

export const SEARCH_KINDS = ['proposal', 'beneficiary', 'organization', 'document'] as const;
export type TSearchKind = (typeof SEARCH_KINDS)[number];

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  kinds: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...SEARCH_KINDS];
      const list = v.split(',').map((s) => s.trim());
      for (const k of list) {
        if (!(SEARCH_KINDS as readonly string[]).includes(k)) {
          ctx.addIssue({ code: 'custom', message: `Unknown kind ${k}` });
          return z.NEVER;
        }
      }
      return list as TSearchKind[];
    }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** Half-open [start, end) ranges of `text` that match a word of the query. */
export const ZHighlight = z.array(z.tuple([z.number().int(), z.number().int()]));

export const ZSearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** The record: a proposal, an organisation, a document; for a beneficiary, a proposal of theirs. */
  id: z.string(),
  proposalId: z.uuid().nullable(),
  text: z.string(),
  highlights: ZHighlight,
  detail: z.string().nullable(),
  detailHighlights: ZHighlight,
  score: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResponse = z.object({
  q: z.string(),
  total: z.number().int(),
  items: z.array(ZSearchHit),
});
export type TSearchResponse = z.infer<typeof ZSearchResponse>;
