import { and, eq, sql } from 'drizzle-orm';
import { formatVnd } from '../../../domain/lib/money';
import {
  AUTHORITY_LABELS,
  authorityCovers,
  requiredAuthority,
  type TAdjustmentAuthority,
} from '../../../domain/regulation';
import type { TAdjustmentDecisionRequest, TAdjustmentRequest } from '../../../domain/schemas/implementation';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { proposalAdjustments, proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { fundingLimit } from '../appraisals';
import { recordAudit } from '../audit/record-audit';
import { decide, findProposal, recordTransition, workflowContext } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { fieldError } from './support';

/** An approved project may be adjusted until it is accepted. */
const ADJUSTABLE: TProposalStatus[] = ['approved', 'contracted', 'in_progress'];

/**
 * An adjustment request (điều chỉnh, bổ sung, ngừng; TT 36/2013 Art. 11): the unit or its Sở, with a
 * reason. The authority it needs comes from the regulation set of the proposal's cycle and is kept
 * with the request.
 */
export async function requestAdjustment(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TAdjustmentRequest;
}): Promise<string> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'adjustments.request');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const ctx = workflowContext(actor, row);
  if (!ctx.isOwnOrganization && !(ctx.isOwnProvince && !ctx.registersDirectly))
    throw new AppError('forbidden');
  const p = row.proposal;
  if (!ADJUSTABLE.includes(p.status as TProposalStatus)) throw new AppError('invalid_transition');
  const current = p.approvedFunding ?? 0;
  if (data.kind === 'funding_increase' || data.kind === 'decrease') {
    const amount = data.newApprovedFunding;
    const ok =
      amount !== undefined && (data.kind === 'funding_increase' ? amount > current : amount < current);
    if (!ok) {
      throw fieldError(
        'newApprovedFunding',
        data.kind === 'funding_increase'
          ? 'Cần kinh phí hỗ trợ mới lớn hơn kinh phí đã duyệt.'
          : 'Cần kinh phí hỗ trợ mới nhỏ hơn kinh phí đã duyệt.',
        data.kind === 'funding_increase'
          ? 'The new support must be above the approved support.'
          : 'The new support must be below the approved support.',
      );
    }
  }
  if (data.kind === 'funding_increase' && data.newApprovedFunding !== undefined) {
    // Even the Minister approves within the regulation set's cap for the project.
    const cap = (await fundingLimit(tx, row)).maxSupport;
    if (cap !== null && data.newApprovedFunding > cap) {
      throw new AppError('cap_exceeded', {
        detail: {
          vi: `Kinh phí hỗ trợ mới (${formatVnd(data.newApprovedFunding)}) vượt mức hỗ trợ tối đa (${formatVnd(cap)}).`,
          en: `The new support (${formatVnd(data.newApprovedFunding)}) exceeds the cap (${formatVnd(cap)}).`,
        },
      });
    }
  }
  const { set } = await regulationSetForCycle(tx, p.cycleId);
  const authority = requiredAuthority(set.adjustments, data.kind, p.isGroupProject);
  const changes = {
    ...(data.newApprovedFunding !== undefined
      ? { previousApprovedFunding: current, newApprovedFunding: data.newApprovedFunding }
      : {}),
    ...(data.description ? { description: data.description } : {}),
  };
  const [created] = await tx
    .insert(proposalAdjustments)
    .values({
      proposalId: p.id,
      kind: data.kind,
      reason: data.reason,
      changes,
      requiredAuthority: authority,
      requestedBy: actor.via === 'system' ? null : actor.userId,
      requestedAt: now,
    })
    .returning({ id: proposalAdjustments.id });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'adjustment.requested',
    entityType: 'adjustment',
    entityId: created!.id,
    provinceCode: p.provinceCode,
    after: { code: p.code, kind: data.kind, reason: data.reason, requiredAuthority: authority, ...changes },
    at: now,
  });
  return created!.id;
}

/**
 * The authority the actor decides with: an agency leader records the Minister's decisions, an agency
 * officer the agency's, a Sở leader the Sở's (for its own province only). Null: none.
 */
export function authorityOf(actor: TActor, isOwnProvince: boolean): TAdjustmentAuthority | null {
  if (actor.roles.includes('agency_leader')) return 'minister';
  if (actor.roles.includes('agency_officer')) return 'agency';
  if (actor.roles.includes('province_leader') && isOwnProvince) return 'province';
  return null;
}

/**
 * The decision on a request, by the authority the regulation set requires or one above it: a lower one
 * is refused (`403 authority_insufficient`). An approved change of support sets the new approved
 * funding; an approved stop or carry-over moves the proposal (`stopped`, `carried_over`).
 */
export async function decideAdjustment(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  adjustmentId: string;
  data: TAdjustmentDecisionRequest;
}): Promise<string> {
  const { actor, tx, now, adjustmentId, data } = input;
  assertCan(actor, 'adjustments.decide');
  const [adjustment] = await tx
    .select()
    .from(proposalAdjustments)
    .where(eq(proposalAdjustments.id, adjustmentId))
    .for('update');
  if (!adjustment) throw notFound();
  const row = await findProposal(tx, actor, adjustment.proposalId, { forUpdate: true });
  if (!row) throw notFound();
  if (adjustment.status !== 'requested') throw new AppError('invalid_transition');
  const authority = authorityOf(actor, workflowContext(actor, row).isOwnProvince);
  const required = adjustment.requiredAuthority as TAdjustmentAuthority;
  if (!authority || !authorityCovers(authority, required)) {
    throw new AppError('authority_insufficient', {
      detail: {
        vi: `Nội dung điều chỉnh này do ${AUTHORITY_LABELS[required].vi} quyết định.`,
        en: `This adjustment is decided by the ${AUTHORITY_LABELS[required].en}.`,
      },
      requiredAuthority: required,
    });
  }
  const p = row.proposal;
  const approved = data.result === 'approved';
  if (approved) {
    if (!ADJUSTABLE.includes(p.status as TProposalStatus)) throw new AppError('invalid_transition');
    const changes = adjustment.changes as { newApprovedFunding?: number };
    if (
      (adjustment.kind === 'funding_increase' || adjustment.kind === 'decrease') &&
      changes.newApprovedFunding !== undefined
    ) {
      await tx
        .update(proposals)
        .set({
          approvedFunding: changes.newApprovedFunding,
          lockVersion: sql`${proposals.lockVersion} + 1`,
          updatedAt: now,
        })
        .where(eq(proposals.id, p.id));
    }
    if (adjustment.kind === 'stop' || adjustment.kind === 'carry_over') {
      const rule = decide(actor, row, adjustment.kind);
      await recordTransition(tx, {
        actor,
        now,
        row,
        action: rule.action,
        to: rule.to,
        reason: adjustment.reason,
        data: { adjustmentId, decisionNumber: data.decisionNumber },
      });
    }
  }
  await tx
    .update(proposalAdjustments)
    .set({
      status: approved ? 'approved' : 'rejected',
      decidedBy: actor.via === 'system' ? null : actor.userId,
      decidedAuthority: authority,
      decisionNumber: data.decisionNumber,
      decisionNote: data.note || null,
      decidedAt: now,
    })
    .where(and(eq(proposalAdjustments.id, adjustmentId), eq(proposalAdjustments.status, 'requested')));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'adjustment.decided',
    entityType: 'adjustment',
    entityId: adjustmentId,
    provinceCode: p.provinceCode,
    before: { status: 'requested' },
    after: {
      code: p.code,
      kind: adjustment.kind,
      result: data.result,
      authority,
      requiredAuthority: required,
      decisionNumber: data.decisionNumber,
    },
    at: now,
  });
  return p.id;
}
