import { formatVnd } from '../../../domain/lib/money';
import type { TContractRequest } from '../../../domain/schemas/implementation';
import { assertCan, type TActor } from '../../access/actor';
import { proposalContracts } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { decide, findProposal, recordTransition } from '../proposals';
import { assertNotFuture } from './support';

/**
 * The contract of an approved proposal (hợp đồng): number, date, value and selection method, recorded by
 * the implementing unit, the Sở or the agency (the status machine decides) → `contracted`. Its value is
 * never above the approved support plus the counterpart funds (`422 contract_value_exceeded`).
 */
export async function signContract(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TContractRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'implementation.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'contract');
  assertNotFuture('signedOn', data.signedOn, now);
  const p = row.proposal;
  const ceiling = (p.approvedFunding ?? 0) + p.budgetCounterpart;
  if (data.value > ceiling) {
    throw new AppError('contract_value_exceeded', {
      detail: {
        vi: `Giá trị hợp đồng (${formatVnd(data.value)}) vượt kinh phí hỗ trợ được duyệt cộng vốn đối ứng (${formatVnd(ceiling)}).`,
        en: `The contract value (${formatVnd(data.value)}) exceeds the approved support plus the counterpart (${formatVnd(ceiling)}).`,
      },
    });
  }
  await tx.insert(proposalContracts).values({
    proposalId: p.id,
    number: data.number,
    signedOn: data.signedOn,
    value: data.value,
    selectionMethod: data.selectionMethod,
    createdBy: actor.via === 'system' ? null : actor.userId,
    createdAt: now,
  });
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    data: { contract: data },
  });
}
