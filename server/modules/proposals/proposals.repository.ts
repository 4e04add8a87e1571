import { and, arrayContains, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { TProposalsQuery } from '../../../domain/schemas/proposals';
import type { TActor } from '../../access/actor';
import { scopeCondition } from '../../access/scope';
import {
  appraisalAssignments,
  baseAppraisals,
  organizations,
  proposalDocuments,
  proposals,
  proposalTransitions,
  registrationItems,
  registrations,
  users,
} from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { matchesAllWords } from '../../platform/search';
import { ofCurrentProvince } from '../admin-units/current-province';

export type TProposalRecord = typeof proposals.$inferSelect;

/** A proposal with what the presenter and the workflow need from its implementing organisation. */
export type TProposalRow = {
  proposal: TProposalRecord;
  implementingOrganizationName: string;
  implementingOrganizationKind: string;
  implementingOrganizationProvinceCode: string | null;
};

const rowColumns = {
  proposal: proposals,
  implementingOrganizationName: organizations.name,
  implementingOrganizationKind: organizations.kind,
  implementingOrganizationProvinceCode: organizations.provinceCode,
};

/**
 * THE scope of proposals: the province they belong to, the organisation that implements them; an
 * appraiser also sees the proposals assigned to them (issue #6), and nothing else.
 */
export const proposalScope = (actor: TActor) => {
  const scope = scopeCondition(actor, {
    provinceCode: proposals.provinceCode,
    organizationId: proposals.implementingOrganizationId,
  });
  if (!actor.roles.includes('appraiser')) return scope;
  return sql`(${scope} or exists (select 1 from ${appraisalAssignments} where ${appraisalAssignments.proposalId} = ${proposals.id} and ${appraisalAssignments.userId} = ${actor.userId}))`;
};

/** The text `q` searches, exactly the expression of the proposals_search_idx index (migration 0004). */
const searchText = sql`${proposals.title} || ' ' || ${proposals.code} || ' ' || coalesce(${proposals.beneficiary}->>'name', '')`;

export const SORTABLE = {
  code: proposals.code,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
  status: proposals.status,
  budgetRequested: proposals.budgetRequested,
  planYear: proposals.planYear,
} as const;

/** The list's filters as one condition, the actor's scope first (the list and the .xlsx export). */
export function proposalFilters(actor: TActor, filters: Omit<TProposalsQuery, 'page' | 'pageSize'>) {
  const conditions: SQL[] = [proposalScope(actor)];
  if (filters.planYear !== undefined) conditions.push(eq(proposals.planYear, filters.planYear));
  if (filters.programme !== undefined) conditions.push(eq(proposals.programme, filters.programme));
  if (filters.fromYear !== undefined) conditions.push(sql`${proposals.planYear} >= ${filters.fromYear}`);
  if (filters.toYear !== undefined) conditions.push(sql`${proposals.planYear} <= ${filters.toYear}`);
  if (filters.provinceCode && filters.provinces === 'current')
    conditions.push(ofCurrentProvince(proposals.provinceCode, filters.provinceCode));
  else if (filters.provinceCode) conditions.push(eq(proposals.provinceCode, filters.provinceCode));
  if (filters.status && filters.status.length > 0) conditions.push(inArray(proposals.status, filters.status));
  if (filters.activityType) conditions.push(eq(proposals.activityType, filters.activityType));
  if (filters.organizationId)
    conditions.push(eq(proposals.implementingOrganizationId, filters.organizationId));
  if (filters.orientation) conditions.push(arrayContains(proposals.orientations, [filters.orientation]));
  const search = filters.q ? matchesAllWords(searchText, filters.q) : undefined;
  if (search) conditions.push(search);
  return and(...conditions);
}

/** Proposals the actor may see (province scope first), filtered, sorted and paged. */
export async function listProposals(db: TDbOrTx, actor: TActor, filters: TProposalsQuery) {
  const where = proposalFilters(actor, filters);
  const sortKey = (filters.sort ?? '-createdAt').replace(/^-/, '') as keyof typeof SORTABLE;
  const direction = (filters.sort ?? '-createdAt').startsWith('-') ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(rowColumns)
      .from(proposals)
      .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
      .where(where)
      .orderBy(direction(SORTABLE[sortKey] ?? proposals.createdAt), asc(proposals.code))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(proposals).where(where),
  ]);
  return { items: items as TProposalRow[], total: total?.n ?? 0 };
}

/**
 * One proposal if the actor may see it, else null (the caller answers 404 either way). With
 * `forUpdate` the proposal row is locked until the transaction ends: transitions and edits of one
 * proposal are serialised, so two racing submissions give one success and one `409`.
 */
export async function findProposal(
  db: TDbOrTx,
  actor: TActor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TProposalRow | null> {
  const query = db
    .select(rowColumns)
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(eq(proposals.id, id), proposalScope(actor)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: proposals }) : await query;
  return (row as TProposalRow | undefined) ?? null;
}

/** Several proposals in the actor's scope, locked in id order (no deadlock between two reports). */
export async function findProposalsForUpdate(
  db: TDbOrTx,
  actor: TActor,
  ids: readonly string[],
): Promise<TProposalRow[]> {
  const rows = await db
    .select(rowColumns)
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(inArray(proposals.id, [...ids]), proposalScope(actor)))
    .orderBy(asc(proposals.id))
    .for('update', { of: proposals });
  return rows as TProposalRow[];
}

/** Counts by status within the actor's scope. */
export async function statusCounts(db: TDbOrTx, actor: TActor, planYear: number | undefined) {
  const conditions: SQL[] = [proposalScope(actor)];
  if (planYear !== undefined) conditions.push(eq(proposals.planYear, planYear));
  return db
    .select({ status: proposals.status, count: count() })
    .from(proposals)
    .where(and(...conditions))
    .groupBy(proposals.status);
}

/** Kinds of the current (not superseded) documents of a proposal, for the rule check. */
export async function currentDocumentKinds(db: TDbOrTx, proposalId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: proposalDocuments.kind })
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), isNull(proposalDocuments.supersededAt)));
  return rows.map((r) => r.kind);
}

export async function proposalHistory(db: TDbOrTx, proposalId: string) {
  return db
    .select({ transition: proposalTransitions, actorName: users.name })
    .from(proposalTransitions)
    .leftJoin(users, eq(users.id, proposalTransitions.actorUserId))
    .where(eq(proposalTransitions.proposalId, proposalId))
    .orderBy(asc(proposalTransitions.at), asc(proposalTransitions.id));
}

export async function latestBaseAppraisal(db: TDbOrTx, proposalId: string) {
  const [row] = await db
    .select({ appraisal: baseAppraisals, appraisedByName: users.name })
    .from(baseAppraisals)
    .leftJoin(users, eq(users.id, baseAppraisals.appraisedBy))
    .where(eq(baseAppraisals.proposalId, proposalId))
    .orderBy(desc(baseAppraisals.appraisedAt), desc(baseAppraisals.id))
    .limit(1);
  return row ?? null;
}

export async function latestRegistration(db: TDbOrTx, proposalId: string) {
  const [row] = await db
    .select({
      id: registrations.id,
      letterNumber: registrations.letterNumber,
      letterDate: registrations.letterDate,
      submittedAt: registrations.submittedAt,
    })
    .from(registrationItems)
    .innerJoin(registrations, eq(registrations.id, registrationItems.registrationId))
    .where(eq(registrationItems.proposalId, proposalId))
    .orderBy(desc(registrations.submittedAt))
    .limit(1);
  return row ?? null;
}

/** The latest transition of a kind (e.g. the return being answered, the last submission). */
export async function latestTransition(db: TDbOrTx, proposalId: string, toStatus: string) {
  const [row] = await db
    .select()
    .from(proposalTransitions)
    .where(and(eq(proposalTransitions.proposalId, proposalId), eq(proposalTransitions.toStatus, toStatus)))
    .orderBy(desc(proposalTransitions.at), desc(proposalTransitions.id))
    .limit(1);
  return row ?? null;
}

/** The provincial department (Sở Công Thương) of a province: it registers and submits for it. */
export async function provincialDepartmentOf(db: TDbOrTx, provinceCode: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'provincial_department'),
        eq(organizations.provinceCode, provinceCode),
        eq(organizations.active, true),
      ),
    )
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findOrganization(db: TDbOrTx, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row ?? null;
}

export async function findUserEmail(db: TDbOrTx, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
