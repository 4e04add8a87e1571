import { and, asc, desc, eq, gte, inArray, isNull, lte, max, ne, or, type SQL, sql } from 'drizzle-orm';
import type { TRegulationSet } from '../../../domain/regulation';
import type { TDeadlineStage } from '../../../domain/workflow/cycle';
import { registersDirectly } from '../../../domain/workflow/proposal';
import { can, type TActor } from '../../access/actor';
import { scopeCondition, scopeOf } from '../../access/scope';
import { cycleExtensions, cycles, organizations, regulationSets } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { regulationSetOf } from '../regulations';

export type TCycleRow = typeof cycles.$inferSelect;
export type TRegulationSetRow = typeof regulationSets.$inferSelect;

/** The national cycle of a plan year (local KCĐP cycles carry a province and are not served here yet). */
export async function findNationalCycle(
  db: TDbOrTx,
  planYear: number,
  options: { forUpdate?: boolean } = {},
): Promise<TCycleRow | null> {
  const query = db
    .select()
    .from(cycles)
    .where(and(eq(cycles.programme, 'national'), isNull(cycles.provinceCode), eq(cycles.planYear, planYear)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The cycle of a plan year: the national one without a province, else that province's local (KCĐP) one.
 */
export async function findCycle(
  db: TDbOrTx,
  planYear: number,
  provinceCode: string | null | undefined,
  options: { forUpdate?: boolean } = {},
): Promise<TCycleRow | null> {
  if (!provinceCode) return findNationalCycle(db, planYear, options);
  const query = db
    .select()
    .from(cycles)
    .where(
      and(
        eq(cycles.programme, 'local'),
        eq(cycles.provinceCode, provinceCode),
        eq(cycles.planYear, planYear),
      ),
    )
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Who changes a local (KCĐP) cycle: the agency's administrator, or the Sở Công Thương (or its extension
 * centre) of the cycle's province.
 */
export function mayManageLocalCycle(actor: TActor, provinceCode: string): boolean {
  if (can(actor, 'cycles.write')) return true;
  return (
    can(actor, 'cycles.create') &&
    actor.provinceCode === provinceCode &&
    (actor.organizationKind === 'provincial_department' || actor.organizationKind === 'extension_center')
  );
}

/** Whether the actor may change a cycle: a national one the administrator, a local one also its Sở. */
export function mayEditCycle(actor: TActor, cycle: Pick<TCycleRow, 'programme' | 'provinceCode'>): boolean {
  if (cycle.programme !== 'local' || !cycle.provinceCode) return can(actor, 'cycles.write');
  return mayManageLocalCycle(actor, cycle.provinceCode);
}

/**
 * Whether the actor sees a cycle: national ones everyone (drafts only those who may change them); a local
 * one the agency and the users of its province (drafts only its Sở and the administrator). Not seen = 404.
 */
export function maySeeCycle(actor: TActor, cycle: TCycleRow): boolean {
  if (cycle.programme !== 'local' || !cycle.provinceCode) {
    return cycle.status !== 'draft' || can(actor, 'cycles.write');
  }
  const visible = scopeOf(actor).kind === 'all' || actor.provinceCode === cycle.provinceCode;
  if (!visible) return false;
  return cycle.status !== 'draft' || mayManageLocalCycle(actor, cycle.provinceCode);
}

/** Cycles the actor sees, newest plan year first, national before local (filters: programme, province). */
export async function listCycles(
  db: TDbOrTx,
  actor: TActor,
  filters: { programme?: 'national' | 'local' | undefined; provinceCode?: string | undefined },
) {
  const conditions: SQL[] = [];
  if (filters.programme) conditions.push(eq(cycles.programme, filters.programme));
  if (filters.provinceCode) conditions.push(eq(cycles.provinceCode, filters.provinceCode));
  if (scopeOf(actor).kind !== 'all') {
    const own = actor.provinceCode
      ? and(eq(cycles.programme, 'local'), eq(cycles.provinceCode, actor.provinceCode))
      : sql`false`;
    conditions.push(or(eq(cycles.programme, 'national'), own) as SQL);
  }
  const rows = await db
    .select({ cycle: cycles, regulationSetName: regulationSets.name })
    .from(cycles)
    .innerJoin(regulationSets, eq(regulationSets.id, cycles.regulationSetId))
    .where(and(...conditions))
    .orderBy(desc(cycles.planYear), desc(cycles.programme), asc(cycles.provinceCode));
  return rows.filter((r) => maySeeCycle(actor, r.cycle));
}

/** The newest version of a province's local set that covers a plan year. */
export async function defaultLocalSetId(
  db: TDbOrTx,
  planYear: number,
  provinceCode: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: regulationSets.id })
    .from(regulationSets)
    .where(
      and(
        eq(regulationSets.programme, 'local'),
        eq(regulationSets.provinceCode, provinceCode),
        lte(regulationSets.effectiveFromYear, planYear),
        or(isNull(regulationSets.effectiveToYear), gte(regulationSets.effectiveToYear, planYear)),
      ),
    )
    .orderBy(desc(regulationSets.effectiveFromYear), desc(regulationSets.version))
    .limit(1);
  return row?.id ?? null;
}

export async function findCycleById(db: TDbOrTx, id: string): Promise<TCycleRow | null> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id)).limit(1);
  return row ?? null;
}

/**
 * Cycles are the agency's published calendar: every signed-in user reads them whatever their province
 * (no province scope, deliberately). Cycles still being prepared (`draft`) are shown only to those who
 * may change them.
 */
export async function listNationalCycles(db: TDbOrTx, options: { includeDrafts: boolean }) {
  const conditions: SQL[] = [eq(cycles.programme, 'national')];
  if (!options.includeDrafts) conditions.push(ne(cycles.status, 'draft'));
  return db
    .select({ cycle: cycles, regulationSetName: regulationSets.name })
    .from(cycles)
    .innerJoin(regulationSets, eq(regulationSets.id, cycles.regulationSetId))
    .where(and(...conditions))
    .orderBy(desc(cycles.planYear));
}

/** A regulation set row with its parsed body (cached by id in the regulations module: rows never change). */
export async function loadRegulationSet(
  db: TDbOrTx,
  id: string,
): Promise<{ row: TRegulationSetRow; set: TRegulationSet } | null> {
  const [row] = await db.select().from(regulationSets).where(eq(regulationSets.id, id)).limit(1);
  return row ? { row, set: regulationSetOf(row) } : null;
}

/** The newest version of the national set that covers a plan year (the newest in force wins). */
export async function defaultNationalSetId(db: TDbOrTx, planYear: number): Promise<string | null> {
  const [row] = await db
    .select({ id: regulationSets.id })
    .from(regulationSets)
    .where(
      and(
        eq(regulationSets.programme, 'national'),
        lte(regulationSets.effectiveFromYear, planYear),
        or(isNull(regulationSets.effectiveToYear), gte(regulationSets.effectiveToYear, planYear)),
      ),
    )
    .orderBy(desc(regulationSets.effectiveFromYear), desc(regulationSets.version))
    .limit(1);
  return row?.id ?? null;
}

/** The latest `until` of the extensions granted to an organisation for a stage of a cycle. */
export async function latestExtension(
  db: TDbOrTx,
  input: { cycleId: string; organizationId: string; stage: TDeadlineStage },
): Promise<{ until: Date } | null> {
  const [row] = await db
    .select({ until: max(cycleExtensions.until) })
    .from(cycleExtensions)
    .where(
      and(
        eq(cycleExtensions.cycleId, input.cycleId),
        eq(cycleExtensions.organizationId, input.organizationId),
        eq(cycleExtensions.stage, input.stage),
      ),
    );
  return row?.until ? { until: new Date(row.until) } : null;
}

/** The latest extension per (cycle, organisation, stage) for many at once, keyed `cycle:organisation:stage`. */
export async function latestExtensions(
  db: TDbOrTx,
  cycleIds: readonly string[],
  organizationIds: readonly string[],
): Promise<Map<string, Date>> {
  if (cycleIds.length === 0 || organizationIds.length === 0) return new Map();
  const rows = await db
    .select({
      cycleId: cycleExtensions.cycleId,
      organizationId: cycleExtensions.organizationId,
      stage: cycleExtensions.stage,
      until: max(cycleExtensions.until),
    })
    .from(cycleExtensions)
    .where(
      and(
        inArray(cycleExtensions.cycleId, [...cycleIds]),
        inArray(cycleExtensions.organizationId, [...organizationIds]),
      ),
    )
    .groupBy(cycleExtensions.cycleId, cycleExtensions.organizationId, cycleExtensions.stage);
  return new Map(
    rows.flatMap((r) =>
      r.until ? [[`${r.cycleId}:${r.organizationId}:${r.stage}`, new Date(r.until)] as const] : [],
    ),
  );
}

/** Cycles by id, for lists that show proposals of several cycles. */
export async function findCyclesByIds(db: TDbOrTx, ids: readonly string[]): Promise<TCycleRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(cycles)
    .where(inArray(cycles.id, [...ids]));
}

const extensionColumns = {
  extension: cycleExtensions,
  organizationName: organizations.name,
  provinceCode: organizations.provinceCode,
};

/** Extensions of a cycle the actor may see: a province sees its organisations', a unit its own. */
export async function listExtensions(db: TDbOrTx, actor: TActor, cycleId: string) {
  return db
    .select(extensionColumns)
    .from(cycleExtensions)
    .innerJoin(organizations, eq(organizations.id, cycleExtensions.organizationId))
    .where(
      and(
        eq(cycleExtensions.cycleId, cycleId),
        scopeCondition(actor, {
          provinceCode: organizations.provinceCode,
          organizationId: cycleExtensions.organizationId,
        }),
      ),
    )
    .orderBy(asc(cycleExtensions.createdAt), asc(cycleExtensions.id));
}

export async function findExtension(db: TDbOrTx, id: string) {
  const [row] = await db
    .select(extensionColumns)
    .from(cycleExtensions)
    .innerJoin(organizations, eq(organizations.id, cycleExtensions.organizationId))
    .where(eq(cycleExtensions.id, id))
    .limit(1);
  return row ?? null;
}

/** Orientation codes that proposals of a cycle use (they cannot be removed from the cycle). */
export async function orientationsInUse(db: TDbOrTx, cycleId: string): Promise<Set<string>> {
  const rows = await db.execute<{ code: string }>(
    sql`select distinct unnest(orientations) as code from proposals where cycle_id = ${cycleId}`,
  );
  return new Set(rows.rows.map((r) => r.code));
}

/**
 * The organisation whose deadlines apply to an actor's work: their own when it registers directly
 * (regional centres, national service organisations, the agency), else their province's Sở Công
 * Thương, which sends the registration report and the dossiers (and holds any extension).
 */
export async function registeringOrganizationOfActor(db: TDbOrTx, actor: TActor): Promise<string> {
  if (!actor.provinceCode || registersDirectly(actor.organizationKind, actor.provinceCode))
    return actor.organizationId;
  const [department] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'provincial_department'),
        eq(organizations.provinceCode, actor.provinceCode),
        eq(organizations.active, true),
      ),
    )
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  return department?.id ?? actor.organizationId;
}
