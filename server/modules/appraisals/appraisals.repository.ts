import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TConflictWarning } from '../../../domain/schemas/appraisals';
import {
  adminUnits,
  appraisalAssignments,
  appraisals,
  organizations,
  proposalTransitions,
  users,
} from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

export type TAppraisalRecord = typeof appraisals.$inferSelect;
export type TAppraisalWithName = { appraisal: TAppraisalRecord; appraiserName: string };

/** The appraisers assigned to a proposal, with the state of their appraisal (never its content). */
export async function assignmentsOf(db: TDbOrTx, proposalId: string) {
  const rows = await db
    .select({
      userId: appraisalAssignments.userId,
      name: users.name,
      organizationName: organizations.name,
      warnings: appraisalAssignments.warnings,
      assignedAt: appraisalAssignments.assignedAt,
      appraisalStatus: appraisals.status,
      conflictOfInterest: appraisals.conflictOfInterest,
    })
    .from(appraisalAssignments)
    .innerJoin(users, eq(users.id, appraisalAssignments.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(
      appraisals,
      and(
        eq(appraisals.proposalId, appraisalAssignments.proposalId),
        eq(appraisals.appraiserId, appraisalAssignments.userId),
      ),
    )
    .where(eq(appraisalAssignments.proposalId, proposalId))
    .orderBy(asc(appraisalAssignments.assignedAt), asc(users.name));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    organizationName: r.organizationName,
    warnings: r.warnings as TConflictWarning[],
    assignedAt: r.assignedAt,
    appraisalStatus: (r.appraisalStatus ?? 'pending') as 'pending' | 'draft' | 'submitted',
    // A draft's declaration is the appraiser's own business until submitted.
    conflictOfInterest: r.appraisalStatus === 'submitted' ? (r.conflictOfInterest ?? null) : null,
  }));
}

export type TAssignmentView = Awaited<ReturnType<typeof assignmentsOf>>[number];

export async function findAssignment(db: TDbOrTx, proposalId: string, userId: string) {
  const [row] = await db
    .select()
    .from(appraisalAssignments)
    .where(and(eq(appraisalAssignments.proposalId, proposalId), eq(appraisalAssignments.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Every appraisal of a proposal with the appraiser's name; callers filter what the actor may see. */
export async function appraisalsOf(db: TDbOrTx, proposalId: string): Promise<TAppraisalWithName[]> {
  return db
    .select({ appraisal: appraisals, appraiserName: users.name })
    .from(appraisals)
    .innerJoin(users, eq(users.id, appraisals.appraiserId))
    .where(eq(appraisals.proposalId, proposalId))
    .orderBy(asc(appraisals.submittedAt), asc(users.name));
}

export async function findMine(db: TDbOrTx, proposalId: string, userId: string) {
  const [row] = await db
    .select({ appraisal: appraisals, appraiserName: users.name })
    .from(appraisals)
    .innerJoin(users, eq(users.id, appraisals.appraiserId))
    .where(and(eq(appraisals.proposalId, proposalId), eq(appraisals.appraiserId, userId)))
    .limit(1);
  return row ?? null;
}

/** The agency's latest decision on a proposal (a recommend / not_recommend transition). */
export async function latestDecision(db: TDbOrTx, proposalId: string) {
  const [row] = await db
    .select({ transition: proposalTransitions, actorName: users.name })
    .from(proposalTransitions)
    .leftJoin(users, eq(users.id, proposalTransitions.actorUserId))
    .where(
      and(
        eq(proposalTransitions.proposalId, proposalId),
        inArray(proposalTransitions.action, ['recommend', 'not_recommend']),
      ),
    )
    .orderBy(desc(proposalTransitions.at), desc(proposalTransitions.id))
    .limit(1);
  return row ?? null;
}

/** Per proposal: appraisers assigned, appraisals submitted, assignments with a conflict warning. */
export async function assignmentCounts(db: TDbOrTx, proposalIds: readonly string[]) {
  if (proposalIds.length === 0)
    return new Map<string, { assigned: number; submitted: number; warnings: number }>();
  const rows = await db
    .select({
      proposalId: appraisalAssignments.proposalId,
      assigned: sql<number>`count(*)::int`,
      submitted: sql<number>`count(*) filter (where ${appraisals.status} = 'submitted')::int`,
      warnings: sql<number>`count(*) filter (where cardinality(${appraisalAssignments.warnings}) > 0)::int`,
    })
    .from(appraisalAssignments)
    .leftJoin(
      appraisals,
      and(
        eq(appraisals.proposalId, appraisalAssignments.proposalId),
        eq(appraisals.appraiserId, appraisalAssignments.userId),
      ),
    )
    .where(inArray(appraisalAssignments.proposalId, [...proposalIds]))
    .groupBy(appraisalAssignments.proposalId);
  return new Map(rows.map((r) => [r.proposalId, r]));
}

/** Province names by code: the latest name each code has carried (codes of 2025 mergers included). */
export async function provinceNames(db: TDbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .orderBy(asc(adminUnits.validFrom));
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.code, r.name);
  return out;
}
