import { asc, gt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { GENESIS_HASH, hashAuditRow } from './record-audit';

export type TAuditVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; badRowId: number; reason: 'hash_mismatch' | 'broken_link' };

/**
 * Walks the whole chain in id order, recomputing each hash: an edited row fails its own hash, a
 * deleted or reordered row breaks the link of the row after it. Reads in pages to bound memory.
 */
export async function verifyAuditChain(db: TDbOrTx, pageSize = 5_000): Promise<TAuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, count, badRowId: row.id, reason: 'broken_link' };
      if (hashAuditRow(row) !== row.hash)
        return { ok: false, count, badRowId: row.id, reason: 'hash_mismatch' };
      prevHash = row.hash;
      lastId = row.id;
      count += 1;
    }
  }
  return { ok: true, count, lastHash: prevHash };
}
