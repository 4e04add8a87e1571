import {
  checkProposal,
  maxSupport,
  priorityKey,
  type TCheckableProposal,
  type TCheckContext,
  type TFinding,
  type TMaxSupport,
  type TPriorityCriterion,
  type TPriorityKey,
  type TRegulationSet,
} from '../../../domain/regulation';

export type TCheckResult = {
  findings: TFinding[];
  maxSupport: TMaxSupport | null;
  priority: { ranks: { criterion: TPriorityCriterion; rank: number }[]; key: TPriorityKey };
};

/**
 * Checks a proposal against a regulation set with the same pure engine the browser runs
 * (domain/regulation): the findings with both languages' messages, the maximum support and the rule
 * that produced it, and the ranking key under the set's legal order.
 */
export function checkProposalAgainstSet(input: {
  set: TRegulationSet;
  proposal: TCheckableProposal;
  context?: TCheckContext;
}): TCheckResult {
  const { set, proposal } = input;
  const context: TCheckContext = {};
  if (input.context?.dossierDeadline !== undefined) context.dossierDeadline = input.context.dossierDeadline;
  if (input.context?.today !== undefined) context.today = input.context.today;
  const key = priorityKey(proposal, set);
  return {
    findings: checkProposal(proposal, set, context),
    maxSupport: maxSupport(proposal, set),
    priority: {
      ranks: set.priorityRules.order.map((o, i) => ({ criterion: o.criterion, rank: key[i] as number })),
      key,
    },
  };
}
