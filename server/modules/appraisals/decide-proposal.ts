import type { TDecisionRequest } from '../../../domain/schemas/appraisals';
import { can, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { decide, findProposal, recordTransition } from '../proposals';
import { assignmentsOf } from './appraisals.repository';
import { assertWithinLimit, fundingLimit } from './funding-limit';

/**
 * The agency's decision after the ministry-level appraisal: recommended with the approved funding
 * (never above the request nor the regulation set's cap: `422 cap_exceeded`) or not recommended. Every
 * assigned appraiser must have submitted first (`409 appraisals_pending`). Until the plan holding it is
 * approved the decision may be taken again.
 */
export async function decideProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TDecisionRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  // The agency for national proposals; the Sở for its local (KCĐP) ones: the status machine decides.
  if (!can(actor, 'appraisals.manage') && !can(actor, 'local_plans.manage')) throw new AppError('forbidden');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, data.result === 'recommended' ? 'recommend' : 'not_recommend');
  const assignments = await assignmentsOf(tx, id);
  // Nationally a council must have appraised; the Sở appraises a local proposal itself (a council it
  // assigns, if any, must have submitted).
  const needsCouncil = row.proposal.programme !== 'local';
  if (
    (needsCouncil && assignments.length === 0) ||
    assignments.some((a) => a.appraisalStatus !== 'submitted')
  ) {
    throw new AppError('appraisals_pending');
  }
  const recommended = data.result === 'recommended';
  if (recommended && data.approvedFunding <= 0) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'approvedFunding',
          code: 'too_small',
          message: {
            vi: 'Đề án được đề nghị hỗ trợ cần có kinh phí phê duyệt lớn hơn 0.',
            en: 'A recommended proposal needs approved funding above 0.',
          },
        },
      ],
    });
  }
  const approvedFunding = recommended ? data.approvedFunding : null;
  if (approvedFunding !== null) {
    assertWithinLimit(approvedFunding, await fundingLimit(tx, row), {
      vi: 'Kinh phí phê duyệt',
      en: 'The approved funding',
    });
  }
  const note = data.note?.trim() || null;
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    reason: note,
    approvedFunding,
    data: { result: data.result, approvedFunding, previousFunding: row.proposal.approvedFunding },
  });
}
