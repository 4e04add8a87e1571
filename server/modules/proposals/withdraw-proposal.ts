import type { TWithdrawRequest } from '../../../domain/schemas/proposals';
import { assertCan, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { decide } from './proposal-workflow';
import { findProposal } from './proposals.repository';
import { recordTransition } from './record-transition';

/** The proposer withdraws a proposal that is not yet approved (rút đề án), giving the reason. */
export async function withdrawProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TWithdrawRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'proposals.withdraw');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'withdraw');
  await recordTransition(tx, { actor, now, row, action: rule.action, to: rule.to, reason: data.reason });
}
