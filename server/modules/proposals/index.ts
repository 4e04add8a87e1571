/**
 * Proposals (đề án): drafts, the rule check, registration reports, base appraisal, submission, return
 * and withdrawal. The only file other modules import from this folder.
 */
export { checksFor, toCheckable } from './proposal-checks';
export { proposalSheetsRoutes } from './proposal-sheets.routes';
export { abilityResolver, decide, registeringOrganizationId, workflowContext } from './proposal-workflow';
export {
  findProposal,
  findProposalsForUpdate,
  latestTransition,
  proposalScope,
  type TProposalRow,
} from './proposals.repository';
export { proposalsRoutes } from './proposals.routes';
export { recordTransition } from './record-transition';
