/**
 * Regulation sets: versioned rule data and the checks that run on it. The only file other modules
 * import from this folder.
 */
export { checkProposalAgainstSet, type TCheckResult } from './check-proposal-against-set';
export { ensureLocalRegulationSet } from './local-regulation-set';
export { publishRegulationSet } from './publish-regulation-set';
export { regulationSetForCycle, type TCycleRegulationSet } from './regulation-set-for-cycle';
export { countNeedsVerification, presentCheckResult } from './regulations.presenter';
export { seedRegulationSets } from './seed-regulation-sets';
export { regulationSetOf } from './stored-body';
