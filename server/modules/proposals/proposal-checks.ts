import type { TCheckableProposal } from '../../../domain/regulation';
import type { TDbOrTx } from '../../platform/db';
import { deadlineFor } from '../cycles';
import { checkProposalAgainstSet, regulationSetForCycle, type TCheckResult } from '../regulations';
import { referencedCertificates } from '../typical-products';
import { registeringOrganizationId } from './proposal-workflow';
import { currentDocumentKinds, type TProposalRow } from './proposals.repository';

/** A stored proposal as the rule engine reads it, with its current documents. */
export function toCheckable(row: TProposalRow, documentKinds: readonly string[]): TCheckableProposal {
  const p = row.proposal;
  const beneficiary = p.beneficiary as Record<string, unknown>;
  return {
    id: p.id,
    code: p.code,
    planYear: p.planYear,
    activityType: p.activityType as TCheckableProposal['activityType'],
    isPilot: p.isPilot,
    isGroupProject: p.isGroupProject,
    title: p.title,
    priorityArea: p.priorityArea,
    priorityIndustry: p.priorityIndustry,
    womenOwned: p.womenOwned,
    ethnicMinorityOwned: p.ethnicMinorityOwned,
    beneficiary: {
      ...(typeof beneficiary.name === 'string' ? { name: beneficiary.name } : {}),
      ...(typeof beneficiary.taxCode === 'string' ? { taxCode: beneficiary.taxCode } : {}),
      ...(typeof beneficiary.kind === 'string'
        ? { kind: beneficiary.kind as NonNullable<TCheckableProposal['beneficiary']>['kind'] }
        : {}),
    },
    beneficiaryIsImplementer: beneficiary.isImplementer === true,
    ...(p.startDate ? { startDate: p.startDate } : {}),
    ...(p.endDate ? { endDate: p.endDate } : {}),
    budget: {
      total: p.budgetTotal,
      requested: p.budgetRequested,
      counterpart: p.budgetCounterpart,
      other: p.budgetOther,
    },
    fields: p.fields as Record<string, unknown>,
    documents: documentKinds.map((kind) => ({ kind: kind as never })),
  };
}

/**
 * The authoritative rule check of a stored proposal: the cycle's regulation set, the current documents,
 * and the dossier deadline in force for the organisation that submits it (a certificate must be valid
 * then, or today when checked later).
 */
export async function checksFor(db: TDbOrTx, row: TProposalRow, now: Date): Promise<TCheckResult> {
  // Sequential on purpose: `db` may be a transaction, whose one connection runs one query at a time.
  const { set, cycle } = await regulationSetForCycle(db, row.proposal.cycleId);
  const kinds = await currentDocumentKinds(db, row.proposal.id);
  const organizationId = await registeringOrganizationId(db, row);
  const dossier = await deadlineFor(db, cycle, organizationId, 'dossier', now);
  // Typical-product certificates are checked against the registry's record, not a typed claim (issue #11).
  const certificates = await referencedCertificates(db, row.proposal.fields as Record<string, unknown>);
  return checkProposalAgainstSet({
    set,
    proposal: { ...toCheckable(row, kinds), certificates },
    context: { dossierDeadline: dossier.deadline.toISOString(), today: now.toISOString() },
  });
}
