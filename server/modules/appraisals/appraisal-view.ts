import type { TAppraisal, TAppraisalView } from '../../../domain/schemas/appraisals';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { can, type TActor } from '../../access/actor';
import type { TDbOrTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { decide, findProposal } from '../proposals';
import {
  appraisalsOf,
  assignmentsOf,
  latestDecision,
  type TAppraisalWithName,
} from './appraisals.repository';
import { fundingLimit } from './funding-limit';

export function presentAppraisal(r: TAppraisalWithName): TAppraisal {
  const a = r.appraisal;
  return {
    id: a.id,
    proposalId: a.proposalId,
    appraiserId: a.appraiserId,
    appraiserName: r.appraiserName,
    status: a.status as TAppraisal['status'],
    conflictOfInterest: a.conflictOfInterest,
    conflictNote: a.conflictNote,
    criteria: a.criteria as TAppraisal['criteria'],
    score: a.score,
    recommendation: a.recommendation as TAppraisal['recommendation'],
    recommendedFunding: a.recommendedFunding,
    comments: a.comments,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/**
 * The appraisal of one proposal as the actor may see it (the consensus view). Nobody sees another's
 * draft. The agency (`appraisals.read`) sees every submitted appraisal; an assigned appraiser sees their
 * own, and the others' submitted ones once their own is submitted (independent judgements first).
 * Anyone else who can see the proposal gets 403; an appraiser not assigned to it gets 404.
 */
export async function appraisalView(db: TDbOrTx, actor: TActor, id: string): Promise<TAppraisalView> {
  const row = await findProposal(db, actor, id);
  if (!row) throw notFound();
  const assignments = await assignmentsOf(db, id);
  const isAssigned = assignments.some((a) => a.userId === actor.userId);
  const readsAll = can(actor, 'appraisals.read');
  if (!readsAll && !isAssigned) throw new AppError('forbidden');

  const all = await appraisalsOf(db, id);
  const mineRow = all.find((a) => a.appraisal.appraiserId === actor.userId) ?? null;
  const othersVisible = readsAll || mineRow?.appraisal.status === 'submitted';
  const visible = all.filter(
    (a) => a.appraisal.status === 'submitted' && (a.appraisal.appraiserId === actor.userId || othersVisible),
  );
  const limit = await fundingLimit(db, row);
  const decision = await latestDecision(db, id);
  const status = row.proposal.status as TProposalStatus;
  const mayDecide = can(actor, 'appraisals.manage') && safeDecide(actor, row);
  return {
    proposalId: id,
    code: row.proposal.code,
    title: row.proposal.title,
    status,
    requestedFunding: row.proposal.budgetRequested,
    fundingLimit: limit.limit,
    maxSupport: limit.maxSupport,
    criteria: limit.set.appraisalCriteria.map((c) => ({ code: c.code, nameVi: c.nameVi, nameEn: c.nameEn })),
    assignments: assignments.map((a) => ({ ...a, assignedAt: a.assignedAt.toISOString() })),
    appraisals: visible.map(presentAppraisal),
    mine: mineRow ? presentAppraisal(mineRow) : null,
    isAssigned,
    decision: decision
      ? {
          result: decision.transition.action === 'recommend' ? 'recommended' : 'not_recommended',
          approvedFunding:
            decision.transition.action === 'recommend' ? (row.proposal.approvedFunding ?? 0) : 0,
          note: decision.transition.reason,
          decidedByName: decision.actorName,
          decidedAt: decision.transition.at.toISOString(),
        }
      : null,
    canAssign: can(actor, 'appraisals.manage') && status === 'under_appraisal',
    canDecide: mayDecide,
  };
}

function safeDecide(actor: TActor, row: Parameters<typeof decide>[1]): boolean {
  try {
    decide(actor, row, 'recommend');
    return true;
  } catch {
    return false;
  }
}
