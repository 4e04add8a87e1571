import { formatDateVi, vnDateOf } from '../../../domain/lib/dates';
import type { TReturnRequest } from '../../../domain/schemas/proposals';
import { assertCan, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { enqueueMail } from '../mail/enqueue-mail';
import { decide } from './proposal-workflow';
import { returnedMail } from './proposals.mail';
import { findProposal, findUserEmail, latestTransition } from './proposals.repository';
import { recordTransition } from './record-transition';

/**
 * The agency returns a submitted dossier for a supplement (yêu cầu bổ sung hồ sơ) with a reason and a
 * due date; the person who submitted it is e-mailed through the outbox, in the same transaction.
 */
export async function returnProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  publicUrl: string;
  id: string;
  data: TReturnRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'proposals.return');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'return');
  const today = vnDateOf(now);
  if (data.dueDate < today) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'dueDate',
          code: 'invalid_value',
          message: {
            vi: `Hạn bổ sung không được trước hôm nay (${formatDateVi(today)}).`,
            en: `The due date cannot be before today (${formatDateVi(today)}).`,
          },
        },
      ],
    });
  }
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    reason: data.reason,
    dueDate: data.dueDate,
  });

  const submission = await latestTransition(tx, id, 'submitted');
  const submitterId = submission?.actorUserId ?? row.proposal.createdBy;
  const submitter = submitterId ? await findUserEmail(tx, submitterId) : null;
  if (submitter?.active) {
    await enqueueMail(
      tx,
      returnedMail({
        to: submitter.email,
        name: submitter.name,
        code: row.proposal.code,
        title: row.proposal.title,
        reason: data.reason,
        dueDate: data.dueDate,
        link: `${input.publicUrl}/proposals/${id}`,
      }),
    );
  }
}
