import { eq, sql } from 'drizzle-orm';
import { vnDateOf } from '../../../domain/lib/dates';
import { proposalAdvances } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';

/** `400 validation_failed` on one field, with a Vietnamese and an English message. */
export function fieldError(path: string, vi: string, en: string): AppError {
  return new AppError('validation_failed', {
    errors: [{ path, code: 'invalid_value', message: { vi, en } }],
  });
}

/** Refuses a date after today in Vietnam (a contract, payment or minutes cannot be dated ahead). */
export function assertNotFuture(path: string, isoDate: string, now: Date): void {
  if (isoDate > vnDateOf(now)) {
    throw fieldError(path, 'Ngày không được sau ngày hôm nay.', 'The date cannot be after today.');
  }
}

/** `YYYY-MM-DD` plus whole days. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The total advanced on a proposal so far. */
export async function advancedTotal(
  db: TDbOrTx,
  proposalId: string,
): Promise<{ total: number; count: number }> {
  const [row] = await db
    .select({
      total: sql<string>`coalesce(sum(${proposalAdvances.amount}), 0)`,
      count: sql<number>`count(*)::int`,
    })
    .from(proposalAdvances)
    .where(eq(proposalAdvances.proposalId, proposalId));
  return { total: Number(row?.total ?? 0), count: row?.count ?? 0 };
}
