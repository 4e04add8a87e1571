/**
 * The regulation engine: regulation-set types and seeds, and the pure rules the server and the browser
 * both run — the proposal check, the maximum support, the legal ranking, deadlines and advances.
 * No IO, no clock: "today" and instants are inputs.
 */

export {
  ADJUSTMENT_AUTHORITIES,
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_KINDS,
  AUTHORITY_LABELS,
  authorityCovers,
  requiredAuthority,
  seedAdjustmentRules,
  type TAdjustmentAuthority,
  type TAdjustmentKind,
  type TAdjustmentRules,
  ZAdjustmentKind,
} from './adjustments';
export { checkAdvance, type TAdvanceCheck } from './advances';
export { BENEFICIARY_KIND_LABELS, BENEFICIARY_KINDS, type TBeneficiaryKind } from './beneficiary-kinds';
export {
  annualDate,
  defaultDeadlines,
  firstAdvance,
  isSetEffectiveIn,
  maxAdvanceBeforeAcceptance,
  monthlyReportDueDate,
  selectRegulationSet,
  toVnDate,
} from './calendar';
export { checkProposal, hasNoErrors, normalizeTaxCode } from './check-proposal';
export {
  activityFieldsSchema,
  readField,
  readUnits,
  type TMachineryItem,
  UNIT_COUNT_FIELDS,
  ZAssociationFields,
  ZClusterFields,
  ZDomesticFairFields,
  ZMachineryFields,
  ZMachineryItem,
  ZOverseasFairFields,
  ZTypicalProductFields,
  ZUnitCountFields,
} from './fields';
export { LOCAL_REGULATION_SETS, localRegulationSet } from './local-seeds';
export {
  findCapRule,
  matchingVariant,
  maxSupport,
  priorityBasis,
  type TAppliedCapRule,
  type TMaxSupport,
} from './max-support';
export {
  activityName,
  FINDING_MESSAGES,
  makeFinding,
  renderFindingMessage,
  type TFindingParamsMap,
} from './messages';
export {
  canonicalSerialize,
  compareByPriority,
  comparePriorityKeys,
  priorityKey,
  rankByPriority,
  type TPriorityKey,
} from './priority';
export { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
export * from './types';
