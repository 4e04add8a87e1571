import type { TOrganizationKind } from '../enums/organization-kinds';
import type { TRole } from '../enums/roles';

/**
 * The proposal status machine (api.md "Proposal statuses"), as data. The server decides every
 * transition with `transitionFor` and sends `abilities` with every proposal; the UI shows buttons from
 * those abilities only. Statuses are design inferences from TT 36/2013 (domain.md §3.4), not law.
 */

export const PROPOSAL_STATUSES = [
  'draft',
  'registered',
  'base_appraised',
  'submitted',
  'returned',
  'under_appraisal',
  'recommended',
  'not_recommended',
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'withdrawn',
  'rejected',
  'stopped',
  'carried_over',
] as const;
export type TProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Vietnamese and English labels (glossary "Statuses"). */
export const PROPOSAL_STATUS_LABELS: Record<TProposalStatus, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  base_appraised: { vi: 'Đã thẩm định cấp cơ sở', en: 'Base-appraised' },
  submitted: { vi: 'Đã gửi Cục', en: 'Submitted to the agency' },
  returned: { vi: 'Yêu cầu bổ sung', en: 'Returned for supplement' },
  under_appraisal: { vi: 'Đang thẩm định', en: 'Under appraisal' },
  recommended: { vi: 'Đề nghị hỗ trợ', en: 'Recommended' },
  not_recommended: { vi: 'Không đề nghị', en: 'Not recommended' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  contracted: { vi: 'Đã ký hợp đồng', en: 'Contracted' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  accepted: { vi: 'Đã nghiệm thu', en: 'Accepted' },
  settled: { vi: 'Đã quyết toán', en: 'Settled' },
  closed: { vi: 'Hoàn thành', en: 'Closed' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  rejected: { vi: 'Không được chấp thuận', en: 'Rejected' },
  stopped: { vi: 'Dừng thực hiện', en: 'Stopped' },
  carried_over: { vi: 'Chuyển tiếp', en: 'Carried over' },
};

/**
 * How an actor relates to a proposal:
 * - `province`: a province officer or leader of the proposal's province (the Sở's side);
 * - `unit`: a unit officer of the implementing organisation;
 * - `agency`: the ministry's agency (sees every province);
 * - `committee`: a member of the People's Committee (UBND cấp tỉnh) of the proposal's province. Members of
 *   a UBND are not the Sở: the `province` relation does not hold for them.
 */
export type TActorRelation = 'province' | 'unit' | 'agency' | 'committee';

/**
 * The programme a proposal belongs to: the national one (KCQG, the agency appraises and an agency leader
 * approves the plan) or a province's local one (KCĐP, domain.md §3.7: the Sở appraises and decides, the
 * province's People's Committee approves the plan; nothing goes to the agency).
 */
export type TProgramme = 'national' | 'local';

/**
 * One grant: a role may take the action when it stands in `relation` to the proposal. `route` limits
 * it to proposals that go through the provincial department (`department`) or whose implementer
 * registers directly with the agency (`direct`: regional centres, national service organisations).
 */
type TGrant = {
  role: TRole;
  relation: TActorRelation;
  route?: 'department' | 'direct';
  /** Limits the grant to proposals of one programme (absent: both). */
  programme?: TProgramme;
};

export type TProposalAction =
  | 'register'
  | 'base_appraise_pass'
  | 'base_appraise_return'
  | 'base_appraise_reject'
  | 'submit'
  | 'resubmit'
  | 'return'
  | 'withdraw'
  | 'accept_into_appraisal'
  | 'recommend'
  | 'not_recommend'
  | 'approve'
  | 'contract'
  | 'start'
  | 'accept'
  | 'settle'
  | 'close'
  | 'stop'
  | 'carry_over';

export type TTransitionRule = {
  action: TProposalAction;
  from: readonly TProposalStatus[];
  to: TProposalStatus;
  grants: readonly TGrant[];
  /** The deadline of the cycle that applies to this action, if any (the server enforces it). */
  deadline?: 'registration' | 'dossier';
  /** The caller must give a reason (kept with the transition). */
  needsReason?: boolean;
};

const provinceLeader: TGrant = { role: 'province_leader', relation: 'province', route: 'department' };
const provinceOfficer: TGrant = { role: 'province_officer', relation: 'province', route: 'department' };
const directUnit: TGrant = { role: 'unit_officer', relation: 'unit', route: 'direct' };
const anyOwnUnit: TGrant = { role: 'unit_officer', relation: 'unit' };
const agencyOfficer: TGrant = { role: 'agency_officer', relation: 'agency' };
const agencyLeader: TGrant = { role: 'agency_leader', relation: 'agency' };
/** The agency's appraisal-to-approval grants hold for national proposals only (it only reads local ones). */
const nationalAgencyOfficer: TGrant = { ...agencyOfficer, programme: 'national' };
const nationalAgencyLeader: TGrant = { ...agencyLeader, programme: 'national' };
const nationalProvinceLeader: TGrant = { ...provinceLeader, programme: 'national' };
const nationalDirectUnit: TGrant = { ...directUnit, programme: 'national' };
/** In a local (KCĐP) cycle the Sở takes the steps the agency takes nationally. */
const localProvinceOfficer: TGrant = { ...provinceOfficer, programme: 'local' };
const localProvinceLeader: TGrant = { ...provinceLeader, programme: 'local' };
/** A leader of the province's People's Committee approves the local plan (domain.md §2, §3.7). */
const committeeLeader: TGrant = { role: 'province_leader', relation: 'committee', programme: 'local' };

/**
 * Who pays advances, settles and closes: the agency for national projects; the Sở for local (KCĐP)
 * ones, which the provincial budget funds (domain.md §1.3 Arts. 11–14, §3.7).
 */
const FINANCE_GRANTS: readonly TGrant[] = [nationalAgencyOfficer, localProvinceOfficer, localProvinceLeader];

/** Statuses from which a proposer may still withdraw: anything not yet approved (api.md). */
const WITHDRAWABLE: readonly TProposalStatus[] = [
  'registered',
  'base_appraised',
  'submitted',
  'returned',
  'under_appraisal',
  'recommended',
  'not_recommended',
];

/** Statuses in which the agency may (again) decide a proposal after its appraisal. */
export const DECIDABLE: readonly TProposalStatus[] = ['under_appraisal', 'recommended', 'not_recommended'];

/**
 * Every transition. Registration and submission of a Sở's proposals are the Sở leader's (TT 36/2013
 * Art. 8, domain.md §3.1 steps 2 and 5); regional centres and national service organisations register
 * and submit their own and skip the base appraisal (step 5: "regional centres and multi-province units
 * send directly"). The appraisal-to-closure part is here so the machine is whole; its endpoints come
 * with later issues.
 */
export const PROPOSAL_TRANSITIONS: readonly TTransitionRule[] = [
  {
    action: 'register',
    from: ['draft'],
    to: 'registered',
    grants: [provinceLeader, directUnit],
    deadline: 'registration',
  },
  {
    action: 'base_appraise_pass',
    from: ['registered', 'base_appraised'],
    to: 'base_appraised',
    grants: [provinceOfficer, provinceLeader],
  },
  {
    // The Sở sends the proposal back to the unit: it stays registered and becomes editable again.
    action: 'base_appraise_return',
    from: ['registered', 'base_appraised'],
    to: 'registered',
    grants: [provinceOfficer, provinceLeader],
    needsReason: true,
  },
  {
    action: 'base_appraise_reject',
    from: ['registered', 'base_appraised'],
    to: 'rejected',
    grants: [provinceOfficer, provinceLeader],
    needsReason: true,
  },
  {
    // A Sở's proposal needs a passed base appraisal; a direct unit's goes from registered.
    action: 'submit',
    from: ['base_appraised'],
    to: 'submitted',
    grants: [nationalProvinceLeader],
    deadline: 'dossier',
  },
  {
    action: 'submit',
    from: ['registered'],
    to: 'submitted',
    grants: [nationalDirectUnit],
    deadline: 'dossier',
  },
  {
    action: 'resubmit',
    from: ['returned'],
    to: 'submitted',
    grants: [nationalProvinceLeader, nationalDirectUnit],
    deadline: 'dossier',
  },
  {
    action: 'return',
    from: ['submitted', 'under_appraisal'],
    to: 'returned',
    grants: [nationalAgencyOfficer],
    needsReason: true,
  },
  {
    action: 'withdraw',
    from: WITHDRAWABLE,
    to: 'withdrawn',
    grants: [provinceOfficer, provinceLeader, anyOwnUnit],
    needsReason: true,
  },
  {
    action: 'accept_into_appraisal',
    from: ['submitted'],
    to: 'under_appraisal',
    grants: [nationalAgencyOfficer],
  },
  {
    // Local programme: no submission to the agency; the Sở takes its base-appraised proposal into its
    // own appraisal.
    action: 'accept_into_appraisal',
    from: ['base_appraised'],
    to: 'under_appraisal',
    grants: [localProvinceOfficer, localProvinceLeader],
  },
  // The decision after the appraisal (the agency's nationally, the Sở's locally); it may be taken again
  // (a changed amount or result) until the plan holding the proposal is approved.
  {
    action: 'recommend',
    from: DECIDABLE,
    to: 'recommended',
    grants: [nationalAgencyOfficer, localProvinceOfficer, localProvinceLeader],
  },
  {
    action: 'not_recommend',
    from: DECIDABLE,
    to: 'not_recommended',
    grants: [nationalAgencyOfficer, localProvinceOfficer, localProvinceLeader],
  },
  // The plan's approval: an agency leader nationally, a leader of the province's UBND locally.
  {
    action: 'approve',
    from: ['recommended'],
    to: 'approved',
    grants: [nationalAgencyLeader, committeeLeader],
  },
  {
    // The contract is signed by the implementing unit with the Sở (or the agency, for direct units):
    // either side records it (issue #7).
    action: 'contract',
    from: ['approved'],
    to: 'contracted',
    grants: [provinceOfficer, provinceLeader, anyOwnUnit, nationalAgencyOfficer],
  },
  {
    // The first monthly progress report starts the implementation; whoever may report may start it.
    action: 'start',
    from: ['contracted'],
    to: 'in_progress',
    grants: [provinceOfficer, provinceLeader, anyOwnUnit, nationalAgencyOfficer],
  },
  {
    // Base-level acceptance (nghiệm thu cơ sở) is the Sở's, or the agency's for its own projects.
    action: 'accept',
    from: ['in_progress'],
    to: 'accepted',
    grants: [provinceOfficer, provinceLeader, nationalAgencyOfficer],
  },
  // The agency settles and closes national projects; the Sở local ones, paid from the provincial budget.
  { action: 'settle', from: ['accepted'], to: 'settled', grants: FINANCE_GRANTS },
  { action: 'close', from: ['settled'], to: 'closed', grants: FINANCE_GRANTS },
  {
    // The Minister decides a stop (TT 36/2013 Art. 11); the agency's leaders record it. Locally the
    // province decides and the Sở's leader records it.
    action: 'stop',
    from: ['approved', 'contracted', 'in_progress'],
    to: 'stopped',
    grants: [nationalAgencyLeader, localProvinceLeader],
    needsReason: true,
  },
  {
    action: 'carry_over',
    from: ['contracted', 'in_progress'],
    to: 'carried_over',
    grants: [nationalAgencyLeader, localProvinceLeader],
    needsReason: true,
  },
];

/** Statuses in which the proposer may still change the content (a return for supplement reopens it). */
export const EDITABLE_STATUSES: readonly TProposalStatus[] = ['draft', 'registered', 'returned'];
/** Only a draft, never registered with the agency, may be deleted. */
export const DELETABLE_STATUSES: readonly TProposalStatus[] = ['draft'];

/** Who may edit or delete content: the Sở's staff for its proposals, the implementing unit for its own. */
const CONTENT_GRANTS: readonly TGrant[] = [provinceOfficer, provinceLeader, anyOwnUnit];

/**
 * Facts about the actor and the proposal that the machine needs; the server computes them (the actor's
 * province and organisation against the proposal's), the machine never looks anything up.
 */
export type TWorkflowContext = {
  /** The actor belongs to the proposal's province (province roles). */
  isOwnProvince: boolean;
  /** The actor belongs to the implementing organisation (unit roles). */
  isOwnOrganization: boolean;
  /** The implementer registers and submits directly with the agency. */
  registersDirectly: boolean;
  /**
   * Optional: whether each stage is still open for this proposal's registering organisation (its
   * deadline, or its extension, has not passed). When given, late actions are not offered.
   */
  stageOpen?: { registration: boolean; dossier: boolean };
  /** The proposal's programme (absent: national). */
  programme?: TProgramme;
  /** The actor belongs to the People's Committee (UBND) of the proposal's province (absent: false). */
  isProvincialCommittee?: boolean;
};

const AGENCY_RELATION_ROLES: readonly TRole[] = [
  'agency_admin',
  'agency_officer',
  'agency_leader',
  'auditor',
];

function grantApplies(grant: TGrant, roles: readonly TRole[], ctx: TWorkflowContext): boolean {
  if (!roles.includes(grant.role)) return false;
  if (grant.route === 'department' && ctx.registersDirectly) return false;
  if (grant.route === 'direct' && !ctx.registersDirectly) return false;
  if (grant.programme && grant.programme !== (ctx.programme ?? 'national')) return false;
  switch (grant.relation) {
    case 'province':
      return ctx.isOwnProvince && !ctx.isProvincialCommittee;
    case 'committee':
      return ctx.isOwnProvince && ctx.isProvincialCommittee === true;
    case 'unit':
      return ctx.isOwnOrganization;
    case 'agency':
      return AGENCY_RELATION_ROLES.includes(grant.role);
  }
}

/** The rules that take `action` out of `status` (for anyone); empty when there are none. */
export function transitionRulesFor(
  status: TProposalStatus,
  action: TProposalAction,
): readonly TTransitionRule[] {
  return PROPOSAL_TRANSITIONS.filter((t) => t.action === action && t.from.includes(status));
}

export type TTransitionDecision =
  | { ok: true; rule: TTransitionRule }
  /** `invalid_transition`: nobody may take this action from this status. */
  | { ok: false; reason: 'invalid_transition' }
  /** `forbidden`: the status allows it, but not for this actor. */
  | { ok: false; reason: 'forbidden' };

/**
 * Decides one transition for an actor. Deadlines (`stageOpen`) are not part of the decision: the server
 * checks them with the exact instant and answers `deadline_passed`.
 */
export function decideTransition(
  status: TProposalStatus,
  action: TProposalAction,
  roles: readonly TRole[],
  ctx: TWorkflowContext,
): TTransitionDecision {
  const rules = transitionRulesFor(status, action);
  if (rules.length === 0) return { ok: false, reason: 'invalid_transition' };
  const rule = rules.find((r) => r.grants.some((g) => grantApplies(g, roles, ctx)));
  return rule ? { ok: true, rule } : { ok: false, reason: 'forbidden' };
}

/** The actions this actor may take on a proposal now (deadlines included when `stageOpen` is given). */
export function allowedActions(
  status: TProposalStatus,
  roles: readonly TRole[],
  ctx: TWorkflowContext,
): TProposalAction[] {
  const out: TProposalAction[] = [];
  for (const rule of PROPOSAL_TRANSITIONS) {
    if (!rule.from.includes(status) || out.includes(rule.action)) continue;
    if (!rule.grants.some((g) => grantApplies(g, roles, ctx))) continue;
    if (rule.deadline && ctx.stageOpen && !ctx.stageOpen[rule.deadline] && rule.action !== 'resubmit')
      continue;
    out.push(rule.action);
  }
  return out;
}

export type TProposalAbilities = {
  edit: boolean;
  delete: boolean;
  register: boolean;
  baseAppraise: boolean;
  /** Submit to the agency, or resubmit after a return. */
  submit: boolean;
  return: boolean;
  withdraw: boolean;
  acceptIntoAppraisal: boolean;
  /** Record (or change) the decision after the appraisal (the agency's; the Sở's for a local proposal). */
  decide: boolean;
};

/**
 * The deadline stages that could change what the actor may do with a proposal in this status: the
 * stages of the deadline-bound actions the actor would otherwise have. Empty for most statuses and
 * roles, so a list need not look up cycles and extensions for them (benchmark P1).
 */
export function deadlineStagesFor(
  status: TProposalStatus,
  roles: readonly TRole[],
  ctx: TWorkflowContext,
): ('registration' | 'dossier')[] {
  const stages = new Set<'registration' | 'dossier'>();
  for (const rule of PROPOSAL_TRANSITIONS) {
    if (!rule.deadline || rule.action === 'resubmit' || !rule.from.includes(status)) continue;
    if (rule.grants.some((g) => grantApplies(g, roles, ctx))) stages.add(rule.deadline);
  }
  return [...stages];
}

/** True when the actor pays advances on (and settles) this proposal: see FINANCE_GRANTS. */
export function canFinance(roles: readonly TRole[], ctx: TWorkflowContext): boolean {
  return FINANCE_GRANTS.some((g) => grantApplies(g, roles, ctx));
}

/** What the actor may do with the proposal: sent with every proposal, the UI's only source for buttons. */
export function abilities(
  status: TProposalStatus,
  roles: readonly TRole[],
  ctx: TWorkflowContext,
): TProposalAbilities {
  const actions = allowedActions(status, roles, ctx);
  const mayChangeContent = CONTENT_GRANTS.some((g) => grantApplies(g, roles, ctx));
  return {
    edit: mayChangeContent && EDITABLE_STATUSES.includes(status),
    delete: mayChangeContent && DELETABLE_STATUSES.includes(status),
    register: actions.includes('register'),
    baseAppraise: actions.includes('base_appraise_pass'),
    submit: actions.includes('submit') || actions.includes('resubmit'),
    return: actions.includes('return'),
    withdraw: actions.includes('withdraw'),
    acceptIntoAppraisal: actions.includes('accept_into_appraisal'),
    decide: actions.includes('recommend'),
  };
}

/** True when the actor may change the proposal's content in its status (edit), or delete it. */
export function canChangeContent(
  kind: 'edit' | 'delete',
  status: TProposalStatus,
  roles: readonly TRole[],
  ctx: TWorkflowContext,
): { ok: true } | { ok: false; reason: 'invalid_transition' | 'forbidden' } {
  const statuses = kind === 'edit' ? EDITABLE_STATUSES : DELETABLE_STATUSES;
  if (!statuses.includes(status)) return { ok: false, reason: 'invalid_transition' };
  return CONTENT_GRANTS.some((g) => grantApplies(g, roles, ctx))
    ? { ok: true }
    : { ok: false, reason: 'forbidden' };
}

/**
 * Implementers that register and submit directly with the agency instead of through a provincial
 * department: the agency's regional centres, and service organisations with no province (national or
 * multi-province units, domain.md §3.1 step 5).
 */
export function registersDirectly(kind: TOrganizationKind, provinceCode: string | null): boolean {
  return kind === 'regional_center' || (kind === 'service_org' && provinceCode === null);
}

/** Organisation kinds that may implement a project (đơn vị thực hiện). */
export const IMPLEMENTING_ORGANIZATION_KINDS: readonly TOrganizationKind[] = [
  'provincial_department',
  'extension_center',
  'regional_center',
  'service_org',
];

export function isProposalStatus(value: string): value is TProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value);
}
