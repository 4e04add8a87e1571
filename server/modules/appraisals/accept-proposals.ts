import type { TAcceptRequest } from '../../../domain/schemas/appraisals';
import { can, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { decide, findProposalsForUpdate, recordTransition } from '../proposals';

/**
 * The agency accepts submitted dossiers into ministry-level appraisal (`under_appraisal`), one or many
 * at once (the inbox's bulk action): all of them, or none (one transaction, rows locked in id order).
 */
export async function acceptProposals(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TAcceptRequest;
}): Promise<string[]> {
  const { actor, tx, now, data } = input;
  // The agency for national proposals; the Sở for its local (KCĐP) ones: the status machine decides per row.
  if (!can(actor, 'appraisals.manage') && !can(actor, 'local_plans.manage')) throw new AppError('forbidden');
  const ids = [...new Set(data.proposalIds)];
  const rows = await findProposalsForUpdate(tx, actor, ids);
  if (rows.length !== ids.length) throw notFound();
  const rules = rows.map((row) => decide(actor, row, 'accept_into_appraisal'));
  for (const [i, row] of rows.entries()) {
    const rule = rules[i]!;
    await recordTransition(tx, { actor, now, row, action: rule.action, to: rule.to });
  }
  return rows.map((r) => r.proposal.id);
}
