import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A PostgreSQL array value (`text[]`); plain JavaScript arrays and objects are written as JSON. */
export class PgArray {
  constructor(readonly items: readonly string[]) {}
}

/** One value in PostgreSQL's COPY text format (`\N` for null, backslash escapes). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (value instanceof PgArray)
    text = `{${value.items.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Streams rows into `table (columns)` with COPY FROM STDIN, in batches of lines: bounded memory. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  let count = 0;
  function* lines() {
    let batch = '';
    for (const row of rows) {
      batch += `${row.map(copyValue).join('\t')}\n`;
      count += 1;
      if (batch.length > 1 << 20) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(lines()), stream);
  return count;
}
