import { and, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import { ACCEPTED_STATUSES, APPROVED_STATUSES, type TStatsQuery } from '../../../domain/schemas/stats';
import type { TActor } from '../../access/actor';
import { cycles, proposalAcceptances, proposals, proposalTransitions } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { SETTLEMENT_DAYS_AFTER_ACCEPTANCE } from '../implementation';
import { proposalScope } from '../proposals';

/** The Vietnam calendar day a proposal was created: which province map its code belongs to. */
const createdDay = sql`(${proposals.createdAt} at time zone 'Asia/Ho_Chi_Minh')::date`;

/** The `valid_from` of the unit that carried the proposal's province code when it was created. */
const unitValidFrom = sql<string | null>`(
  select au.valid_from::text from admin_units au
  where au.code = ${proposals.provinceCode}
    and au.valid_from <= ${createdDay}
    and (au.valid_to is null or au.valid_to >= ${createdDay})
  limit 1)`;

const approvedList = sql.join(
  APPROVED_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const acceptedList = sql.join(
  ACCEPTED_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export type TStatsRow = {
  provinceCode: string;
  unitValidFrom: string | null;
  planYear: number;
  activityType: string;
  status: string;
  count: number;
  requestedFunding: number;
  approvedCount: number;
  approvedFunding: number;
  acceptedCount: number;
  funding: number;
};

/** The proposal filters of a stats query, within the actor's scope; drafts are not counted. */
export function statsConditions(
  actor: TActor,
  query: Pick<TStatsQuery, 'planYear' | 'fromYear' | 'toYear' | 'programme'>,
): SQL[] {
  const conditions: SQL[] = [proposalScope(actor), ne(proposals.status, 'draft')];
  if (query.planYear !== undefined) conditions.push(eq(proposals.planYear, query.planYear));
  if (query.fromYear !== undefined) conditions.push(gte(proposals.planYear, query.fromYear));
  if (query.toYear !== undefined) conditions.push(lte(proposals.planYear, query.toYear));
  if (query.programme) conditions.push(eq(proposals.programme, query.programme));
  return conditions;
}

/**
 * The figures grouped finely (province code × map × year × activity type × status) in one scoped
 * query; the use case folds them into the requested grouping.
 */
export async function statsRows(db: TDbOrTx, actor: TActor, query: TStatsQuery): Promise<TStatsRow[]> {
  const rows = await db
    .select({
      provinceCode: proposals.provinceCode,
      unitValidFrom: unitValidFrom,
      planYear: proposals.planYear,
      activityType: proposals.activityType,
      status: proposals.status,
      count: sql<number>`count(*)::int`,
      requestedFunding: sql<string>`coalesce(sum(${proposals.budgetRequested}), 0)::text`,
      approvedCount: sql<number>`(count(*) filter (where ${proposals.status} in (${approvedList})))::int`,
      approvedFunding: sql<string>`coalesce(sum(coalesce(${proposals.approvedFunding}, 0)) filter (where ${proposals.status} in (${approvedList})), 0)::text`,
      acceptedCount: sql<number>`(count(*) filter (where ${proposals.status} in (${acceptedList})))::int`,
      funding: sql<string>`coalesce(sum(coalesce(${proposals.approvedFunding}, ${proposals.budgetRequested})), 0)::text`,
    })
    .from(proposals)
    .where(and(...statsConditions(actor, query)))
    .groupBy(sql`1, 2, 3, 4, 5`);
  return rows.map((r) => ({
    ...r,
    requestedFunding: Number(r.requestedFunding),
    approvedFunding: Number(r.approvedFunding),
    funding: Number(r.funding),
  }));
}

/** Budget envelopes of the national cycles, by plan year. */
export async function nationalEnvelopes(db: TDbOrTx, years: { from?: number; to?: number }) {
  const conditions: SQL[] = [eq(cycles.programme, 'national')];
  if (years.from !== undefined) conditions.push(gte(cycles.planYear, years.from));
  if (years.to !== undefined) conditions.push(lte(cycles.planYear, years.to));
  const rows = await db
    .select({ planYear: cycles.planYear, budgetEnvelope: cycles.budgetEnvelope })
    .from(cycles)
    .where(and(...conditions));
  return new Map(rows.map((r) => [r.planYear, r.budgetEnvelope]));
}

/**
 * Lagging projects within the actor's scope at `today` (Vietnam date): approved projects past their
 * end date and not yet accepted; accepted ones whose settlement dossier is not in 15 days after the
 * recorded acceptance (domain.md §7.3; without an acceptance record, older data: 90 days after the end
 * date); returned dossiers whose supplement is overdue.
 */
export async function laggingProjects(
  db: TDbOrTx,
  actor: TActor,
  today: string,
  options: { planYear?: number; limit: number },
) {
  const scope = [proposalScope(actor)];
  if (options.planYear !== undefined) scope.push(eq(proposals.planYear, options.planYear));
  const lastReturnDue = sql<string | null>`(
    select t.due_date::text from ${proposalTransitions} t
    where t.proposal_id = ${proposals.id} and t.to_status = 'returned'
    order by t.at desc limit 1)`;
  const dueDate = sql<string | null>`case
    when ${proposals.status} in ('approved', 'contracted', 'in_progress') then ${proposals.endDate}::text
    when ${proposals.status} = 'accepted' then coalesce(
      (select (a.accepted_on + ${SETTLEMENT_DAYS_AFTER_ACCEPTANCE}::int)::text from ${proposalAcceptances} a
        where a.proposal_id = ${proposals.id}),
      (${proposals.endDate} + 90)::text)
    when ${proposals.status} = 'returned' then ${lastReturnDue}
  end`;
  const inner = db
    .select({
      id: proposals.id,
      code: proposals.code,
      title: proposals.title,
      planYear: proposals.planYear,
      provinceCode: proposals.provinceCode,
      status: proposals.status,
      dueDate: sql<string | null>`${dueDate}`.as('due_date'),
    })
    .from(proposals)
    .where(
      and(
        ...scope,
        inArray(proposals.status, ['approved', 'contracted', 'in_progress', 'accepted', 'returned']),
      ),
    )
    .as('candidates');
  const rows = await db
    .select()
    .from(inner)
    .where(sql`${inner.dueDate} is not null and ${inner.dueDate} < ${today}`)
    .orderBy(sql`${inner.dueDate} asc`, inner.code);
  return { total: rows.length, rows: rows.slice(0, options.limit) };
}
