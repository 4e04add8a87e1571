import { eq, sql } from 'drizzle-orm';
import type { TUpdateProposalRequest } from '../../../domain/schemas/proposals';
import { canChangeContent, type TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findCycleById } from '../cycles';
import {
  assertNoFieldErrors,
  coordinatingErrors,
  dateErrors,
  fieldErrors,
  orientationErrors,
} from './proposal-input';
import { workflowContext } from './proposal-workflow';
import { findProposal, type TProposalRecord } from './proposals.repository';

/** The content of a proposal as the audit trail records it (before / after an edit). */
export function contentOf(p: TProposalRecord) {
  return {
    activityType: p.activityType,
    title: p.title,
    coordinatingOrganizationId: p.coordinatingOrganizationId,
    isPilot: p.isPilot,
    isGroupProject: p.isGroupProject,
    beneficiary: p.beneficiary,
    location: p.location,
    startDate: p.startDate,
    endDate: p.endDate,
    budgetTotal: p.budgetTotal,
    budgetRequested: p.budgetRequested,
    budgetCounterpart: p.budgetCounterpart,
    budgetOther: p.budgetOther,
    priorityArea: p.priorityArea,
    priorityIndustry: p.priorityIndustry,
    womenOwned: p.womenOwned,
    ethnicMinorityOwned: p.ethnicMinorityOwned,
    orientations: p.orientations,
    outputs: p.outputs,
    fields: p.fields,
    selectionMethod: p.selectionMethod,
  };
}

/**
 * Edits a proposal while the workflow allows it (draft, registered, returned: else `409
 * invalid_transition`). The caller sends the `lockVersion` it read; a stale one is `409 conflict`, so
 * two people editing at once never overwrite each other silently.
 */
export async function updateProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TUpdateProposalRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'proposals.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const current = row.proposal;
  const allowed = canChangeContent(
    'edit',
    current.status as TProposalStatus,
    actor.roles,
    workflowContext(actor, row),
  );
  if (!allowed.ok) throw new AppError(allowed.reason);
  if (data.lockVersion !== current.lockVersion) {
    throw new AppError('conflict', {
      detail: {
        vi: 'Đề án vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất trước khi sửa.',
        en: 'Someone else changed this proposal. Reload it to see the latest version before editing.',
      },
    });
  }
  const cycle = await findCycleById(tx, current.cycleId);
  if (!cycle) throw new Error('proposal without cycle');

  const before = contentOf(current);
  const budget = data.budget;
  const next = {
    ...before,
    ...(data.activityType !== undefined ? { activityType: data.activityType } : {}),
    ...(data.title !== undefined ? { title: data.title } : {}),
    ...(data.coordinatingOrganizationId !== undefined
      ? { coordinatingOrganizationId: data.coordinatingOrganizationId }
      : {}),
    ...(data.isPilot !== undefined ? { isPilot: data.isPilot } : {}),
    ...(data.isGroupProject !== undefined ? { isGroupProject: data.isGroupProject } : {}),
    ...(data.beneficiary !== undefined ? { beneficiary: data.beneficiary } : {}),
    ...(data.location !== undefined ? { location: data.location } : {}),
    ...(data.startDate !== undefined ? { startDate: data.startDate } : {}),
    ...(data.endDate !== undefined ? { endDate: data.endDate } : {}),
    ...(budget
      ? {
          budgetTotal: budget.total,
          budgetRequested: budget.requested,
          budgetCounterpart: budget.counterpart,
          budgetOther: budget.other,
        }
      : {}),
    ...(data.priorityArea !== undefined ? { priorityArea: data.priorityArea } : {}),
    ...(data.priorityIndustry !== undefined ? { priorityIndustry: data.priorityIndustry } : {}),
    ...(data.womenOwned !== undefined ? { womenOwned: data.womenOwned } : {}),
    ...(data.ethnicMinorityOwned !== undefined ? { ethnicMinorityOwned: data.ethnicMinorityOwned } : {}),
    ...(data.orientations !== undefined ? { orientations: [...new Set(data.orientations)] } : {}),
    ...(data.outputs !== undefined ? { outputs: data.outputs } : {}),
    ...(data.fields !== undefined ? { fields: data.fields } : {}),
    ...(data.selectionMethod !== undefined ? { selectionMethod: data.selectionMethod } : {}),
  };
  assertNoFieldErrors([
    ...fieldErrors(next.activityType as never, next.fields as Record<string, unknown>, { complete: false }),
    ...(data.orientations !== undefined ? orientationErrors(cycle, data.orientations) : []),
    ...(data.coordinatingOrganizationId !== undefined
      ? await coordinatingErrors(tx, data.coordinatingOrganizationId)
      : []),
    ...dateErrors(next.startDate, next.endDate),
  ]);
  await tx
    .update(proposals)
    .set({ ...next, lockVersion: sql`${proposals.lockVersion} + 1`, updatedAt: now })
    .where(eq(proposals.id, id));
  const changed = Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.updated',
    entityType: 'proposal',
    entityId: id,
    provinceCode: current.provinceCode,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
    after: changed,
    at: now,
  });
}
