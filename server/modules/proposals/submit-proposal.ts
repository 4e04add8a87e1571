import { FIELD_ERROR_MESSAGES } from '../../../domain/enums/error-codes';
import { endOfVnDay } from '../../../domain/lib/dates';
import { assertCan, type TActor } from '../../access/actor';
import type { TLanguage } from '../../http/problem';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { assertDeadlineOpen, deadlineFor, deadlinePassed, findCycleById } from '../cycles';
import { buildReceipt } from '../documents';
import { enqueueMail } from '../mail/enqueue-mail';
import { checksFor } from './proposal-checks';
import { fieldErrors } from './proposal-input';
import { decide, registeringOrganizationId } from './proposal-workflow';
import { receiptMail } from './proposals.mail';
import { findProposal, latestTransition } from './proposals.repository';
import { recordTransition } from './record-transition';

/**
 * Sends the dossier to the agency (or sends it again after a return for supplement). Needs a passed
 * base appraisal (the status machine: only `base_appraised` proposals of a Sở, `registered` ones of a
 * unit registering directly), complete typed fields and no error finding of the rule check — a pilot
 * project is checked for its registration form instead of the full dossier. Refused after the dossier
 * deadline unless extended; a resubmission may also use the return's due date.
 *
 * The proposal row is locked first: of two racing submissions one succeeds, the other finds the
 * proposal already submitted (`409 invalid_transition`).
 */
export async function submitProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  /** The language of the receipt e-mail's document labels. */
  language: TLanguage;
  publicUrl: string;
}): Promise<void> {
  const { actor, tx, now, id, language } = input;
  assertCan(actor, 'proposals.submit');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, row.proposal.status === 'returned' ? 'resubmit' : 'submit');

  const cycle = await findCycleById(tx, row.proposal.cycleId);
  if (!cycle) throw new Error('proposal without cycle');
  const dossier = await deadlineFor(tx, cycle, await registeringOrganizationId(tx, row), 'dossier', now);
  if (rule.action === 'resubmit') {
    const pending = await latestTransition(tx, id, 'returned');
    const due = pending?.dueDate ? endOfVnDay(pending.dueDate) : null;
    if (!dossier.isOpen && (!due || now.getTime() > due.getTime())) {
      throw due && due.getTime() > dossier.deadline.getTime()
        ? deadlinePassed('supplement', due)
        : deadlinePassed('dossier', dossier.deadline, dossier.extended);
    }
  } else {
    assertDeadlineOpen(dossier);
  }

  const incomplete = fieldErrors(
    row.proposal.activityType as never,
    row.proposal.fields as Record<string, unknown>,
    { complete: true },
  ).map((e) => ({ ...e, message: FIELD_ERROR_MESSAGES[e.code] ?? FIELD_ERROR_MESSAGES.custom! }));
  const result = await checksFor(tx, row, now);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (incomplete.length > 0 || errors.length > 0) {
    throw new AppError('checks_failed', {
      errors: [...incomplete, ...errors.map((f) => ({ path: f.path, code: f.code, message: f.message }))],
    });
  }
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    data: {
      warnings: result.findings.filter((f) => f.severity === 'warning').map((f) => f.code),
      maxSupport: result.maxSupport?.amount ?? null,
    },
  });
  // The receipt goes to the submitter through the outbox, in this transaction: sent iff submitted.
  if (actor.via !== 'system') {
    const receipt = await buildReceipt({ actor, db: tx, now, proposalId: id, language });
    await enqueueMail(
      tx,
      receiptMail({
        to: actor.email,
        name: actor.name,
        receipt,
        link: `${input.publicUrl}/proposals/${id}/receipt`,
      }),
    );
  }
}
