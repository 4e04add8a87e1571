import { and, type SQL, sql } from 'drizzle-orm';

/**
 * Diacritic-insensitive "all words" matching (brief capability 12: "che bien" finds "chế biến"):
 * every word of the query must appear in the text, ignoring case and Vietnamese marks. Served by the
 * gin (f_unaccent(lower(...)) gin_trgm_ops) indexes; LIKE wildcards in the query are taken literally.
 */
export function matchesAllWords(text: SQL, query: string): SQL | undefined {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 10);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((word) => {
      const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
      return sql`f_unaccent(lower(${text})) like '%' || f_unaccent(lower(${escaped})) || '%'`;
    }),
  );
}
