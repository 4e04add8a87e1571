import { and, eq } from 'drizzle-orm';
import { formatDateVi, vnDateOf } from '../../../domain/lib/dates';
import type { TApprovePlanRequest } from '../../../domain/schemas/plans';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { planItems, plans } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findCycle, maySeeCycle } from '../cycles';
import { decide, findProposalsForUpdate, recordTransition } from '../proposals';
import { buildPlan, mayApprovePlanOf } from './build-plan';

/**
 * An agency leader approves the national plan as it stands (decision number and date): a new version is
 * frozen with its items (in the plan and in reserve), the previous version is superseded, and every
 * recommended proposal above the funding line becomes `approved`. Approving a plan that has not changed
 * since its last approved version is `409 invalid_transition`.
 */
export async function approvePlan(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  planYear: number;
  /** A province's local (KCĐP) plan, approved by a leader of its People's Committee; absent: national. */
  provinceCode?: string | null;
  data: TApprovePlanRequest;
}): Promise<{ planId: string; version: number }> {
  const { actor, tx, now, planYear, data } = input;
  const provinceCode = input.provinceCode ?? null;
  assertCan(actor, provinceCode ? 'local_plans.approve' : 'plans.approve');
  // The cycle row lock serialises approvals (and decisions do not change the cycle).
  const cycle = await findCycle(tx, planYear, provinceCode, { forUpdate: true });
  if (!cycle || (provinceCode && !maySeeCycle(actor, cycle))) throw notFound();
  // Asked before anything else, so a Sở leader or the agency is refused (403) whatever the plan's state.
  if (!mayApprovePlanOf(actor, cycle)) throw new AppError('forbidden');
  const today = vnDateOf(now);
  if (data.decisionDate > today) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'decisionDate',
          code: 'invalid_value',
          message: {
            vi: `Ngày quyết định không được sau hôm nay (${formatDateVi(today)}).`,
            en: `The decision date cannot be after today (${formatDateVi(today)}).`,
          },
        },
      ],
    });
  }
  const built = await buildPlan(tx, actor, planYear, provinceCode);
  const inPlan = built.all.filter((i) => i.inPlan);
  if (built.plan.status === 'approved' || inPlan.length === 0) throw new AppError('invalid_transition');

  const toApprove = inPlan.filter((i) => i.status === 'recommended').map((i) => i.proposalId);
  const rows = await findProposalsForUpdate(tx, actor, toApprove);
  if (rows.length !== toApprove.length) throw new AppError('conflict');
  const rules = rows.map((row) => decide(actor, row, 'approve'));

  if (built.latestApproved) {
    await tx
      .update(plans)
      .set({ status: 'superseded' })
      .where(and(eq(plans.id, built.latestApproved.id), eq(plans.status, 'approved')));
  }
  const version = built.plan.version;
  const total = inPlan.reduce((n, i) => n + i.approvedFunding, 0);
  const [plan] = await tx
    .insert(plans)
    .values({
      cycleId: cycle.id,
      planYear,
      version,
      status: 'approved',
      budgetEnvelope: cycle.budgetEnvelope,
      totalFunding: total,
      decisionNumber: data.decisionNumber,
      decisionDate: data.decisionDate,
      approvedBy: actor.via === 'system' ? null : actor.userId,
      approvedAt: now,
    })
    .returning({ id: plans.id });
  const planId = plan!.id;
  if (built.all.length > 0) {
    await tx.insert(planItems).values(
      built.all.map((i) => ({
        planId,
        proposalId: i.proposalId,
        rank: i.rank,
        inPlan: i.inPlan,
        provinceCode: i.provinceCode,
        activityType: i.activityType,
        approvedFunding: i.approvedFunding,
      })),
    );
  }
  for (const [index, row] of rows.entries()) {
    const rule = rules[index]!;
    await recordTransition(tx, {
      actor,
      now,
      row,
      action: rule.action,
      to: rule.to,
      data: { planYear, provinceCode, planVersion: version, decisionNumber: data.decisionNumber },
    });
  }
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'plan.approved',
    entityType: 'plan',
    entityId: planId,
    provinceCode,
    before: built.latestApproved
      ? { version: built.latestApproved.version, totalFunding: built.latestApproved.totalFunding }
      : null,
    after: {
      planYear,
      programme: cycle.programme,
      version,
      decisionNumber: data.decisionNumber,
      decisionDate: data.decisionDate,
      budgetEnvelope: cycle.budgetEnvelope,
      count: inPlan.length,
      totalFunding: total,
      reserve: built.all.length - inPlan.length,
    },
    at: now,
  });
  return { planId, version };
}
