import { canChangeContent, EDITABLE_STATUSES, type TProposalStatus } from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import { AppError } from '../../platform/errors';
import { type TProposalRow, workflowContext } from '../proposals';

/**
 * Statuses in which the dossier's documents may change: those where the content is editable
 * (domain/workflow EDITABLE_STATUSES: draft, registered, returned), and `base_appraised`, because the
 * Sở attaches its signed base-appraisal form (Mẫu 4a/4b) after appraising and before submitting.
 * From submission on the dossier is locked, unless the agency returns it for a supplement.
 */
export const DOCUMENT_UPLOAD_STATUSES: readonly TProposalStatus[] = [...EDITABLE_STATUSES, 'base_appraised'];

export type TUploadDecision = { ok: true } | { ok: false; reason: 'invalid_transition' | 'forbidden' };

/**
 * Who may upload: the proposer's side, exactly those who may change the proposal's content (the Sở's
 * staff for its province, the implementing unit for its own proposals); when: DOCUMENT_UPLOAD_STATUSES.
 */
export function uploadDecision(actor: TActor, row: TProposalRow): TUploadDecision {
  const status = row.proposal.status as TProposalStatus;
  // The content grants do not depend on the status; ask the machine about them with an editable one.
  const who = canChangeContent('edit', 'draft', actor.roles, workflowContext(actor, row));
  if (!who.ok) return { ok: false, reason: 'forbidden' };
  if (!DOCUMENT_UPLOAD_STATUSES.includes(status)) return { ok: false, reason: 'invalid_transition' };
  return { ok: true };
}

export function assertMayUpload(actor: TActor, row: TProposalRow): void {
  const decision = uploadDecision(actor, row);
  if (!decision.ok) throw new AppError(decision.reason);
}
