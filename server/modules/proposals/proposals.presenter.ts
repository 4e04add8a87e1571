import type { TActivityType } from '../../../domain/enums/activity-types';
import type { TBeneficiary, TProposal, TProposalDetail } from '../../../domain/schemas/proposals';
import type { TProposalAbilities, TProposalStatus } from '../../../domain/workflow/proposal';
import type { TEffectiveDeadline } from '../cycles';
import { isDirect } from './proposal-workflow';
import type {
  latestBaseAppraisal,
  latestRegistration,
  latestTransition,
  proposalHistory,
  TProposalRow,
} from './proposals.repository';

export function presentProposal(row: TProposalRow, abilities: TProposalAbilities): TProposal {
  const p = row.proposal;
  return {
    id: p.id,
    code: p.code,
    cycleId: p.cycleId,
    programme: p.programme === 'local' ? ('local' as const) : ('national' as const),
    planYear: p.planYear,
    provinceCode: p.provinceCode,
    implementingOrganizationId: p.implementingOrganizationId,
    implementingOrganizationName: row.implementingOrganizationName,
    registersDirectly: isDirect(row),
    coordinatingOrganizationId: p.coordinatingOrganizationId,
    activityType: p.activityType as TActivityType,
    title: p.title,
    isPilot: p.isPilot,
    isGroupProject: p.isGroupProject,
    beneficiary: p.beneficiary as TBeneficiary,
    location: p.location as TProposal['location'],
    startDate: p.startDate,
    endDate: p.endDate,
    budget: {
      total: p.budgetTotal,
      requested: p.budgetRequested,
      counterpart: p.budgetCounterpart,
      other: p.budgetOther,
    },
    outputs: p.outputs as TProposal['outputs'],
    fields: p.fields as Record<string, unknown>,
    priorityArea: p.priorityArea,
    priorityIndustry: p.priorityIndustry,
    womenOwned: p.womenOwned,
    ethnicMinorityOwned: p.ethnicMinorityOwned,
    orientations: p.orientations,
    selectionMethod: p.selectionMethod as TProposal['selectionMethod'],
    status: p.status as TProposalStatus,
    approvedFunding: p.approvedFunding,
    lockVersion: p.lockVersion,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    abilities,
  };
}

const presentDeadline = (d: TEffectiveDeadline) => ({
  deadline: d.deadline.toISOString(),
  extended: d.extended,
  isOpen: d.isOpen,
});

export function presentProposalDetail(input: {
  row: TProposalRow;
  abilities: TProposalAbilities;
  history: Awaited<ReturnType<typeof proposalHistory>>;
  baseAppraisal: Awaited<ReturnType<typeof latestBaseAppraisal>>;
  registration: Awaited<ReturnType<typeof latestRegistration>>;
  pendingReturn: Awaited<ReturnType<typeof latestTransition>>;
  deadlines: { registration: TEffectiveDeadline; dossier: TEffectiveDeadline };
}): TProposalDetail {
  const { baseAppraisal, registration, pendingReturn } = input;
  return {
    ...presentProposal(input.row, input.abilities),
    transitions: input.history.map(({ transition: t, actorName }) => ({
      action: t.action,
      fromStatus: t.fromStatus as TProposalStatus,
      toStatus: t.toStatus as TProposalStatus,
      actorName,
      reason: t.reason,
      dueDate: t.dueDate,
      at: t.at.toISOString(),
    })),
    baseAppraisal: baseAppraisal
      ? {
          result: baseAppraisal.appraisal.result as 'pass' | 'return' | 'reject',
          comments: baseAppraisal.appraisal.comments,
          recommendedFunding: baseAppraisal.appraisal.recommendedFunding,
          appraisedAt: baseAppraisal.appraisal.appraisedAt.toISOString(),
          appraisedByName: baseAppraisal.appraisedByName,
        }
      : null,
    registration: registration
      ? {
          id: registration.id,
          letterNumber: registration.letterNumber,
          letterDate: registration.letterDate,
          submittedAt: registration.submittedAt.toISOString(),
        }
      : null,
    pendingReturn:
      input.row.proposal.status === 'returned' && pendingReturn?.dueDate
        ? {
            reason: pendingReturn.reason ?? '',
            dueDate: pendingReturn.dueDate,
            at: pendingReturn.at.toISOString(),
          }
        : null,
    deadlines: {
      registration: presentDeadline(input.deadlines.registration),
      dossier: presentDeadline(input.deadlines.dossier),
    },
  };
}
