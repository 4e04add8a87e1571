import { and, eq, inArray } from 'drizzle-orm';
import type { TAssignRequest, TConflictWarning } from '../../../domain/schemas/appraisals';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { appraisalAssignments, organizations, users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProposal, type TProposalRow } from '../proposals';

/** Roles that may appraise: council members, or the agency's own staff (TT 36/2013 Art. 8). */
const APPRAISING_ROLES = ['appraiser', 'agency_officer'];

/** The automatic conflict-of-interest warnings of one appraiser on one proposal. */
export function conflictWarnings(
  appraiser: { organizationId: string; provinceCode: string | null },
  row: TProposalRow,
): TConflictWarning[] {
  const out: TConflictWarning[] = [];
  if (appraiser.organizationId === row.proposal.implementingOrganizationId) out.push('same_organization');
  if (appraiser.provinceCode !== null && appraiser.provinceCode === row.proposal.provinceCode)
    out.push('same_province');
  return out;
}

/**
 * The agency assigns appraisers (staff or council members) to a proposal under appraisal. Already
 * assigned people stay; each new one gets the automatic conflict-of-interest warnings (the appraiser's
 * organisation implements the proposal, or is in its province), kept with the assignment and audited.
 */
export async function assignAppraisers(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TAssignRequest;
}): Promise<{ added: string[] }> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'appraisals.manage');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  if (row.proposal.status !== 'under_appraisal') throw new AppError('invalid_transition');

  const userIds = [...new Set(data.userIds)];
  const people = await tx
    .select({
      id: users.id,
      name: users.name,
      roles: users.roles,
      active: users.active,
      organizationId: users.organizationId,
      provinceCode: organizations.provinceCode,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, userIds));
  const byId = new Map(people.map((p) => [p.id, p]));
  const errors = data.userIds.flatMap((userId, index) => {
    const person = byId.get(userId);
    const ok = person?.active && (person.roles as string[]).some((r) => APPRAISING_ROLES.includes(r));
    return ok
      ? []
      : [
          {
            path: `userIds.${index}`,
            code: 'invalid_value',
            message: {
              vi: 'Người được phân công không tồn tại, đã bị khóa hoặc không phải thành viên thẩm định.',
              en: 'The person does not exist, is disabled or may not appraise.',
            },
          },
        ];
  });
  if (errors.length > 0) throw new AppError('validation_failed', { errors });

  const existing = await tx
    .select({ userId: appraisalAssignments.userId })
    .from(appraisalAssignments)
    .where(and(eq(appraisalAssignments.proposalId, id), inArray(appraisalAssignments.userId, userIds)));
  const already = new Set(existing.map((e) => e.userId));
  const added = userIds.filter((u) => !already.has(u));
  if (added.length === 0) return { added };

  const values = added.map((userId) => ({
    proposalId: id,
    userId,
    warnings: conflictWarnings(byId.get(userId)!, row),
    assignedBy: actor.via === 'system' ? null : actor.userId,
    assignedAt: now,
  }));
  await tx.insert(appraisalAssignments).values(values);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.appraisers_assigned',
    entityType: 'proposal',
    entityId: id,
    provinceCode: row.proposal.provinceCode,
    after: {
      code: row.proposal.code,
      assigned: values.map((v) => ({
        userId: v.userId,
        name: byId.get(v.userId)!.name,
        warnings: v.warnings,
      })),
    },
    at: now,
  });
  return { added };
}
