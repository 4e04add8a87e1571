import { sql } from 'drizzle-orm';
import type { TDbOrTx } from './db';

/** "Today" comes from an injectable clock (architecture rule 5), so deadlines can be tested. */
export type TClock = {
  now(): Date;
  /**
   * The real clock: an instant that decides something for every instance (a deadline) is read from
   * PostgreSQL's transaction time instead, one clock for all servers (R9). See `decisionInstant`.
   */
  readonly fromDatabase?: boolean;
};

export const systemClock: TClock = { now: () => new Date(), fromDatabase: true };

/**
 * The instant a deadline is decided at (R9): with the real clock, the database transaction's own time
 * (`transaction_timestamp()`, the same for every statement of the transaction and for every server);
 * with an injected test clock, that clock.
 */
export async function decisionInstant(tx: TDbOrTx, clock: TClock): Promise<Date> {
  if (!clock.fromDatabase) return clock.now();
  const result = await tx.execute<{ t: string | Date }>(sql`select transaction_timestamp() as t`);
  return new Date(result.rows[0]!.t);
}

/** A clock fixed at an instant, movable by tests. */
export function fixedClock(start: Date | string): TClock & { set(instant: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(instant) {
      current = new Date(instant);
    },
  };
}
