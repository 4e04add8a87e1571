import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { ACCEPTED_STATUSES, APPROVED_STATUSES } from '../../../domain/schemas/stats';
import { programmes, programmeTargets, proposals } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { ofCurrentProvince } from '../admin-units/current-province';

export type TProgrammeRecord = typeof programmes.$inferSelect;
export type TTargetRecord = typeof programmeTargets.$inferSelect;

export async function listProgrammes(db: TDbOrTx, filters: { year?: number; scope?: 'national' | 'local' }) {
  const conditions: SQL[] = [];
  if (filters.year !== undefined)
    conditions.push(lte(programmes.fromYear, filters.year), gte(programmes.toYear, filters.year));
  if (filters.scope) conditions.push(eq(programmes.scope, filters.scope));
  return db
    .select()
    .from(programmes)
    .where(and(...conditions))
    .orderBy(asc(programmes.scope), asc(programmes.fromYear), asc(programmes.code));
}

export async function findProgramme(db: TDbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(programmes).where(eq(programmes.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function targetsOf(db: TDbOrTx, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(programmeTargets)
    .where(inArray(programmeTargets.programmeId, [...programmeIds]))
    .orderBy(asc(programmeTargets.position));
}

const list = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * Progress of one target: the approved projects (approved and beyond) and the accepted ones (accepted,
 * settled, closed) of its activity types within the programme's period and scope. Computed, never stored.
 */
export async function targetProgress(db: TDbOrTx, programme: TProgrammeRecord, target: TTargetRecord) {
  const conditions: SQL[] = [
    gte(proposals.planYear, programme.fromYear),
    lte(proposals.planYear, programme.toYear),
    inArray(proposals.activityType, target.activityTypes),
    eq(proposals.programme, programme.scope),
  ];
  if (programme.scope === 'local' && programme.provinceCode)
    conditions.push(ofCurrentProvince(proposals.provinceCode, programme.provinceCode));
  const [row] = await db
    .select({
      approved: sql<number>`(count(*) filter (where ${proposals.status} in (${list(APPROVED_STATUSES)})))::int`,
      accepted: sql<number>`(count(*) filter (where ${proposals.status} in (${list(ACCEPTED_STATUSES)})))::int`,
    })
    .from(proposals)
    .where(and(...conditions));
  return { approved: row?.approved ?? 0, accepted: row?.accepted ?? 0 };
}
