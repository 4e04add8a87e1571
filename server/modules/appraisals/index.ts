/**
 * The ministry-level appraisal (thẩm định cấp Bộ, issue #6): the agency inbox, acceptance into
 * appraisal, assignments with conflict-of-interest warnings, appraisals, the consensus view, the
 * decision and the minutes. The only file other modules import from this folder.
 */

export { acceptProposals } from './accept-proposals';
export { provinceNames } from './appraisals.repository';
export { appraisalsRoutes } from './appraisals.routes';
export { assignAppraisers } from './assign-appraisers';
export { decideProposal } from './decide-proposal';
export { assertWithinLimit, fundingLimit } from './funding-limit';
export * from './office';
export { saveAppraisal } from './save-appraisal';
