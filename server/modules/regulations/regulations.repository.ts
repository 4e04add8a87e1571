import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TRegulationSetsQuery } from '../../../domain/schemas/regulation-sets';
import { cycles, regulationSets } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

export type TRegulationSetRow = typeof regulationSets.$inferSelect;

/** A row with what the presenter needs beyond it: is it its code's newest version, did a closed cycle use it. */
export type TRegulationSetListRow = { row: TRegulationSetRow; isLatest: boolean; usedByClosedCycle: boolean };

// Written with qualified names: drizzle leaves columns of a single-table select unqualified, which inside
// these subqueries would resolve to the subquery's own table.
const isLatestExpr = sql<boolean>`"regulation_sets"."version" = (select max(rs.version) from regulation_sets rs where rs.code = "regulation_sets"."code")`;
const usedByClosedCycleExpr = sql<boolean>`exists (select 1 from cycles c where c.regulation_set_id = "regulation_sets"."id" and c.status = 'closed')`;

/**
 * Regulation sets are published rules, readable by every signed-in user whatever their province (a
 * local set is the province's public regulation), so this list has no province scope (see scope.ts).
 */
export async function listRegulationSets(
  db: TDbOrTx,
  filters: TRegulationSetsQuery,
): Promise<{ items: TRegulationSetListRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filters.programme) conditions.push(eq(regulationSets.programme, filters.programme));
  if (filters.provinceCode) conditions.push(eq(regulationSets.provinceCode, filters.provinceCode));
  if (filters.code) conditions.push(eq(regulationSets.code, filters.code));
  if (filters.planYear !== undefined) {
    conditions.push(lte(regulationSets.effectiveFromYear, filters.planYear));
    const open = or(
      isNull(regulationSets.effectiveToYear),
      gte(regulationSets.effectiveToYear, filters.planYear),
    );
    if (open) conditions.push(open);
  }
  if (filters.latest) conditions.push(isLatestExpr);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: regulationSets, isLatest: isLatestExpr, usedByClosedCycle: usedByClosedCycleExpr })
      .from(regulationSets)
      .where(where)
      .orderBy(
        asc(regulationSets.programme),
        asc(regulationSets.effectiveFromYear),
        asc(regulationSets.code),
        desc(regulationSets.version),
      )
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(regulationSets).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

export async function findRegulationSet(db: TDbOrTx, id: string): Promise<TRegulationSetListRow | null> {
  const [row] = await db
    .select({ row: regulationSets, isLatest: isLatestExpr, usedByClosedCycle: usedByClosedCycleExpr })
    .from(regulationSets)
    .where(eq(regulationSets.id, id))
    .limit(1);
  return row ?? null;
}

/** The newest version of a code, or null when the code is unknown. */
export async function findLatestVersion(db: TDbOrTx, code: string): Promise<TRegulationSetRow | null> {
  const [row] = await db
    .select()
    .from(regulationSets)
    .where(eq(regulationSets.code, code))
    .orderBy(desc(regulationSets.version))
    .limit(1);
  return row ?? null;
}

export async function existingCodes(db: TDbOrTx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ code: regulationSets.code })
    .from(regulationSets)
    .where(inArray(regulationSets.code, [...codes]));
  return new Set(rows.map((r) => r.code));
}

/**
 * Moves every cycle that is not closed, ran under any version of `code` and whose plan year lies in
 * `[fromYear, toYear]`, to the set `newId`. Closed cycles keep the version they ran under.
 */
export async function moveOpenCyclesToVersion(
  tx: TDbOrTx,
  input: { code: string; newId: string; fromYear: number; toYear: number | null; now: Date },
): Promise<{ id: string; planYear: number; previousSetId: string }[]> {
  const versions = tx
    .select({ id: regulationSets.id })
    .from(regulationSets)
    .where(eq(regulationSets.code, input.code));
  const inRange = and(
    gte(cycles.planYear, input.fromYear),
    input.toYear === null ? undefined : lte(cycles.planYear, input.toYear),
  );
  const candidates = await tx
    .select({ id: cycles.id, planYear: cycles.planYear, previousSetId: cycles.regulationSetId })
    .from(cycles)
    .where(and(sql`${cycles.status} <> 'closed'`, inArray(cycles.regulationSetId, versions), inRange))
    .orderBy(asc(cycles.planYear))
    .for('update');
  const ids = candidates.filter((c) => c.previousSetId !== input.newId).map((c) => c.id);
  if (ids.length > 0) {
    await tx
      .update(cycles)
      .set({ regulationSetId: input.newId, updatedAt: input.now })
      .where(inArray(cycles.id, ids));
  }
  return candidates;
}

export async function findCycle(db: TDbOrTx, id: string) {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id)).limit(1);
  return row ?? null;
}
