import { eq } from 'drizzle-orm';
import type { TAppraisalRequest } from '../../../domain/schemas/appraisals';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { appraisals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound, type TFieldError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProposal } from '../proposals';
import { findAssignment, findMine } from './appraisals.repository';
import { assertWithinLimit, fundingLimit } from './funding-limit';

const RECOMMENDED_LABEL = { vi: 'Kinh phí đề nghị hỗ trợ', en: 'The recommended funding' };

/**
 * An assigned appraiser saves their appraisal of a proposal under appraisal: the conflict-of-interest
 * declaration, the regulation set's criteria (pass / fail with a comment), an optional score, the
 * recommendation and the recommended funding (never above the request or the cap). A draft may be
 * incomplete and is seen by its author only; `submit` makes it final once complete (a declared conflict
 * of interest is a recusal: it needs no criteria). A submitted appraisal is never changed.
 */
export async function saveAppraisal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TAppraisalRequest;
}): Promise<string> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'appraisals.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  // Not assigned: the caller's appraisal of this proposal does not exist (an appraiser never got here).
  if (!(await findAssignment(tx, id, actor.userId))) throw notFound();
  if (row.proposal.status !== 'under_appraisal') throw new AppError('invalid_transition');
  const existing = await findMine(tx, id, actor.userId);
  if (existing?.appraisal.status === 'submitted') throw new AppError('invalid_transition');

  const limit = await fundingLimit(tx, row);
  const known = new Map(limit.set.appraisalCriteria.map((c) => [c.code, c]));
  const errors: TFieldError[] = [];
  const seen = new Set<string>();
  data.criteria.forEach((answer, index) => {
    if (!known.has(answer.code)) {
      errors.push({
        path: `criteria.${index}.code`,
        code: 'invalid_value',
        message: {
          vi: `Tiêu chí "${answer.code}" không có trong bộ quy định của kỳ kế hoạch.`,
          en: `"${answer.code}" is not a criterion of the cycle's regulation set.`,
        },
      });
    } else if (seen.has(answer.code)) {
      errors.push({
        path: `criteria.${index}.code`,
        code: 'invalid_value',
        message: { vi: 'Tiêu chí bị lặp lại.', en: 'The criterion is repeated.' },
      });
    }
    seen.add(answer.code);
  });

  const recommendation = data.recommendation ?? null;
  const recommendedFunding = recommendation === 'not_recommended' ? 0 : (data.recommendedFunding ?? null);
  if (data.submit && !data.conflictOfInterest) {
    limit.set.appraisalCriteria.forEach((criterion) => {
      const answer = data.criteria.find((a) => a.code === criterion.code);
      if (!answer || answer.pass === null) {
        errors.push({
          path: `criteria.${criterion.code}`,
          code: 'required',
          message: {
            vi: `Chưa đánh giá tiêu chí "${criterion.nameVi}".`,
            en: `"${criterion.nameEn}" is not assessed yet.`,
          },
        });
      }
    });
    if (!recommendation) {
      errors.push({
        path: 'recommendation',
        code: 'required',
        message: { vi: 'Chưa có kết luận đề nghị.', en: 'The recommendation is missing.' },
      });
    }
    if (recommendation === 'recommended' && !recommendedFunding) {
      errors.push({
        path: 'recommendedFunding',
        code: 'required',
        message: {
          vi: 'Cần ghi kinh phí đề nghị hỗ trợ.',
          en: 'The recommended funding is required.',
        },
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  if (recommendedFunding !== null) assertWithinLimit(recommendedFunding, limit, RECOMMENDED_LABEL);

  const submitted = data.submit === true;
  const values = {
    status: submitted ? 'submitted' : 'draft',
    conflictOfInterest: data.conflictOfInterest,
    conflictNote: data.conflictNote?.trim() || null,
    criteria: data.criteria.map((c) => ({
      code: c.code,
      pass: c.pass,
      ...(c.comment?.trim() ? { comment: c.comment.trim() } : {}),
    })),
    score: data.score ?? null,
    recommendation,
    recommendedFunding,
    comments: data.comments?.trim() || null,
    submittedAt: submitted ? now : null,
    updatedAt: now,
  };
  let appraisalId: string;
  if (existing) {
    appraisalId = existing.appraisal.id;
    await tx.update(appraisals).set(values).where(eq(appraisals.id, appraisalId));
  } else {
    const [created] = await tx
      .insert(appraisals)
      .values({ ...values, proposalId: id, appraiserId: actor.userId, createdAt: now })
      .returning({ id: appraisals.id });
    appraisalId = created!.id;
  }
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: submitted ? 'appraisal.submitted' : 'appraisal.saved',
    entityType: 'appraisal',
    entityId: appraisalId,
    provinceCode: row.proposal.provinceCode,
    before: existing ? { status: existing.appraisal.status } : null,
    after: {
      proposalId: id,
      code: row.proposal.code,
      status: values.status,
      conflictOfInterest: values.conflictOfInterest,
      criteria: values.criteria.map((c) => ({ code: c.code, pass: c.pass })),
      score: values.score,
      recommendation,
      recommendedFunding,
    },
    at: now,
  });
  return appraisalId;
}
