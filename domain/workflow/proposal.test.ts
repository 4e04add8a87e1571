import { describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../enums/roles';
import { reminderThreshold } from './cycle';
import {
  abilities,
  allowedActions,
  canChangeContent,
  canFinance,
  deadlineStagesFor,
  decideTransition,
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  registersDirectly,
  type TProposalAction,
  type TProposalStatus,
  type TWorkflowContext,
} from './proposal';

/** A Sở's proposal seen by someone of its province. */
const sameProvince: TWorkflowContext = {
  isOwnProvince: true,
  isOwnOrganization: false,
  registersDirectly: false,
};
/** A Sở's proposal seen by its implementing unit (an extension centre). */
const ownCentre: TWorkflowContext = {
  isOwnProvince: true,
  isOwnOrganization: true,
  registersDirectly: false,
};
/** A regional centre's own proposal. */
const ownDirect: TWorkflowContext = {
  isOwnProvince: false,
  isOwnOrganization: true,
  registersDirectly: true,
};
/** A regional centre's proposal located in the province of the viewer. */
const directInProvince: TWorkflowContext = {
  isOwnProvince: true,
  isOwnOrganization: false,
  registersDirectly: true,
};
const outsider: TWorkflowContext = {
  isOwnProvince: false,
  isOwnOrganization: false,
  registersDirectly: false,
};
const agency: TWorkflowContext = outsider;

type TRow = [
  TProposalAction,
  TProposalStatus,
  TRole,
  TWorkflowContext,
  TProposalStatus | 'forbidden' | 'invalid',
];

/** Every transition of the machine, who may take it, and who may not. */
const TABLE: TRow[] = [
  ['register', 'draft', 'province_leader', sameProvince, 'registered'],
  ['register', 'draft', 'province_officer', sameProvince, 'forbidden'],
  ['register', 'draft', 'unit_officer', ownCentre, 'forbidden'],
  ['register', 'draft', 'unit_officer', ownDirect, 'registered'],
  ['register', 'draft', 'province_leader', directInProvince, 'forbidden'],
  ['register', 'draft', 'province_leader', outsider, 'forbidden'],
  ['register', 'draft', 'agency_admin', agency, 'forbidden'],
  ['register', 'registered', 'province_leader', sameProvince, 'invalid'],
  ['base_appraise_pass', 'registered', 'province_officer', sameProvince, 'base_appraised'],
  ['base_appraise_pass', 'registered', 'province_leader', sameProvince, 'base_appraised'],
  ['base_appraise_pass', 'base_appraised', 'province_officer', sameProvince, 'base_appraised'],
  ['base_appraise_pass', 'registered', 'unit_officer', ownCentre, 'forbidden'],
  ['base_appraise_pass', 'registered', 'province_officer', directInProvince, 'forbidden'],
  ['base_appraise_pass', 'registered', 'province_officer', outsider, 'forbidden'],
  ['base_appraise_pass', 'draft', 'province_officer', sameProvince, 'invalid'],
  ['base_appraise_pass', 'submitted', 'province_officer', sameProvince, 'invalid'],
  ['base_appraise_return', 'registered', 'province_officer', sameProvince, 'registered'],
  ['base_appraise_return', 'base_appraised', 'province_leader', sameProvince, 'registered'],
  ['base_appraise_return', 'draft', 'province_leader', sameProvince, 'invalid'],
  ['base_appraise_reject', 'registered', 'province_officer', sameProvince, 'rejected'],
  ['base_appraise_reject', 'base_appraised', 'province_leader', sameProvince, 'rejected'],
  ['base_appraise_reject', 'registered', 'agency_officer', agency, 'forbidden'],
  ['submit', 'base_appraised', 'province_leader', sameProvince, 'submitted'],
  ['submit', 'base_appraised', 'province_officer', sameProvince, 'forbidden'],
  ['submit', 'base_appraised', 'unit_officer', ownCentre, 'forbidden'],
  ['submit', 'registered', 'province_leader', sameProvince, 'forbidden'],
  ['submit', 'registered', 'unit_officer', ownDirect, 'submitted'],
  ['submit', 'base_appraised', 'province_leader', outsider, 'forbidden'],
  ['submit', 'draft', 'province_leader', sameProvince, 'invalid'],
  ['submit', 'submitted', 'province_leader', sameProvince, 'invalid'],
  ['resubmit', 'returned', 'province_leader', sameProvince, 'submitted'],
  ['resubmit', 'returned', 'unit_officer', ownDirect, 'submitted'],
  ['resubmit', 'returned', 'province_officer', sameProvince, 'forbidden'],
  ['resubmit', 'submitted', 'province_leader', sameProvince, 'invalid'],
  ['return', 'submitted', 'agency_officer', agency, 'returned'],
  ['return', 'under_appraisal', 'agency_officer', agency, 'returned'],
  ['return', 'submitted', 'agency_leader', agency, 'forbidden'],
  ['return', 'submitted', 'agency_admin', agency, 'forbidden'],
  ['return', 'submitted', 'province_leader', sameProvince, 'forbidden'],
  ['return', 'registered', 'agency_officer', agency, 'invalid'],
  ['withdraw', 'registered', 'province_officer', sameProvince, 'withdrawn'],
  ['withdraw', 'base_appraised', 'province_leader', sameProvince, 'withdrawn'],
  ['withdraw', 'submitted', 'unit_officer', ownCentre, 'withdrawn'],
  ['withdraw', 'returned', 'unit_officer', ownDirect, 'withdrawn'],
  ['withdraw', 'under_appraisal', 'province_leader', sameProvince, 'withdrawn'],
  ['withdraw', 'recommended', 'province_leader', sameProvince, 'withdrawn'],
  ['withdraw', 'not_recommended', 'province_leader', sameProvince, 'withdrawn'],
  ['withdraw', 'submitted', 'province_leader', outsider, 'forbidden'],
  ['withdraw', 'submitted', 'agency_officer', agency, 'forbidden'],
  ['withdraw', 'draft', 'province_leader', sameProvince, 'invalid'],
  ['withdraw', 'approved', 'province_leader', sameProvince, 'invalid'],
  ['withdraw', 'withdrawn', 'province_leader', sameProvince, 'invalid'],
  ['accept_into_appraisal', 'submitted', 'agency_officer', agency, 'under_appraisal'],
  ['accept_into_appraisal', 'submitted', 'province_leader', sameProvince, 'forbidden'],
  // A local (KCĐP) proposal: the Sở takes it into its own appraisal (no submission to the agency).
  [
    'accept_into_appraisal',
    'base_appraised',
    'province_officer',
    { ...sameProvince, programme: 'local' },
    'under_appraisal',
  ],
  ['recommend', 'under_appraisal', 'agency_officer', agency, 'recommended'],
  ['not_recommend', 'under_appraisal', 'agency_officer', agency, 'not_recommended'],
  ['recommend', 'not_recommended', 'agency_officer', agency, 'recommended'],
  ['recommend', 'recommended', 'agency_officer', agency, 'recommended'],
  ['not_recommend', 'recommended', 'agency_officer', agency, 'not_recommended'],
  ['recommend', 'under_appraisal', 'agency_leader', agency, 'forbidden'],
  ['recommend', 'under_appraisal', 'appraiser', agency, 'forbidden'],
  ['recommend', 'submitted', 'agency_officer', agency, 'invalid'],
  ['recommend', 'approved', 'agency_officer', agency, 'invalid'],
  ['approve', 'recommended', 'agency_leader', agency, 'approved'],
  ['approve', 'recommended', 'agency_officer', agency, 'forbidden'],
  ['approve', 'not_recommended', 'agency_leader', agency, 'invalid'],
  ['contract', 'approved', 'agency_officer', agency, 'contracted'],
  ['start', 'contracted', 'agency_officer', agency, 'in_progress'],
  ['accept', 'in_progress', 'province_officer', sameProvince, 'accepted'],
  ['accept', 'in_progress', 'agency_officer', agency, 'accepted'],
  ['settle', 'accepted', 'agency_officer', agency, 'settled'],
  ['close', 'settled', 'agency_officer', agency, 'closed'],
  ['stop', 'in_progress', 'agency_leader', agency, 'stopped'],
  ['stop', 'approved', 'agency_leader', agency, 'stopped'],
  ['carry_over', 'in_progress', 'agency_leader', agency, 'carried_over'],
  ['carry_over', 'in_progress', 'auditor', agency, 'forbidden'],
];

describe('the proposal status machine', () => {
  it.each(TABLE)('%s from %s by %s → %s', (action, from, role, ctx, expected) => {
    const decision = decideTransition(from, action, [role], ctx);
    if (expected === 'forbidden') expect(decision).toEqual({ ok: false, reason: 'forbidden' });
    else if (expected === 'invalid') expect(decision).toEqual({ ok: false, reason: 'invalid_transition' });
    else {
      expect(decision.ok).toBe(true);
      if (decision.ok) expect(decision.rule.to).toBe(expected);
    }
  });

  it('the table exercises every rule of the machine at least once', () => {
    for (const rule of PROPOSAL_TRANSITIONS) {
      const hit = TABLE.some(
        ([action, from, , , to]) => action === rule.action && rule.from.includes(from) && to === rule.to,
      );
      expect(hit, `${rule.action} → ${rule.to}`).toBe(true);
    }
  });

  it('no status outside the list, and terminal statuses have no way out', () => {
    for (const rule of PROPOSAL_TRANSITIONS) {
      expect(PROPOSAL_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(PROPOSAL_STATUSES).toContain(from);
    }
    for (const terminal of ['closed', 'withdrawn', 'rejected', 'stopped', 'carried_over'] as const) {
      for (const role of ROLES) {
        for (const ctx of [sameProvince, ownCentre, ownDirect, agency]) {
          expect(allowedActions(terminal, [role], ctx)).toEqual([]);
        }
      }
    }
  });

  it('an auditor and an appraiser can never change a proposal', () => {
    for (const status of PROPOSAL_STATUSES) {
      for (const ctx of [sameProvince, ownCentre, ownDirect, agency]) {
        expect(allowedActions(status, ['auditor', 'appraiser'], ctx)).toEqual([]);
        expect(Object.values(abilities(status, ['auditor', 'appraiser'], ctx)).some(Boolean)).toBe(false);
      }
    }
  });

  it('nobody outside the province or the unit gets any province-side ability', () => {
    for (const status of PROPOSAL_STATUSES) {
      const a = abilities(status, ['province_officer', 'province_leader', 'unit_officer'], outsider);
      expect(Object.values(a).some(Boolean)).toBe(false);
    }
  });
});

describe('abilities', () => {
  it('a Sở leader on a draft: edit, delete, register', () => {
    expect(abilities('draft', ['province_leader'], sameProvince)).toEqual({
      edit: true,
      delete: true,
      register: true,
      baseAppraise: false,
      submit: false,
      return: false,
      withdraw: false,
      acceptIntoAppraisal: false,
      decide: false,
    });
  });

  it('a Sở officer on a registered proposal: edit, base appraisal, withdraw, not submit', () => {
    const a = abilities('registered', ['province_officer'], sameProvince);
    expect(a).toMatchObject({ edit: true, delete: false, baseAppraise: true, submit: false, withdraw: true });
  });

  it('an extension centre edits its proposals but neither registers nor submits them', () => {
    expect(abilities('draft', ['unit_officer'], ownCentre)).toMatchObject({
      edit: true,
      delete: true,
      register: false,
    });
    expect(abilities('base_appraised', ['unit_officer'], ownCentre)).toMatchObject({
      edit: false,
      submit: false,
      withdraw: true,
    });
  });

  it('a regional centre registers and submits its own, skipping base appraisal', () => {
    expect(abilities('draft', ['unit_officer'], ownDirect).register).toBe(true);
    expect(abilities('registered', ['unit_officer'], ownDirect)).toMatchObject({
      submit: true,
      baseAppraise: false,
    });
  });

  it('the agency officer returns and accepts submitted proposals; never edits', () => {
    expect(abilities('submitted', ['agency_officer'], agency)).toMatchObject({
      edit: false,
      return: true,
      acceptIntoAppraisal: true,
    });
  });

  it('returned proposals are editable and resubmittable', () => {
    expect(abilities('returned', ['province_leader'], sameProvince)).toMatchObject({
      edit: true,
      submit: true,
    });
  });

  it('a closed stage hides register and submit, but not a resubmission (it has its own due date)', () => {
    const closed = { ...sameProvince, stageOpen: { registration: false, dossier: false } };
    expect(abilities('draft', ['province_leader'], closed).register).toBe(false);
    expect(abilities('base_appraised', ['province_leader'], closed).submit).toBe(false);
    expect(abilities('returned', ['province_leader'], closed).submit).toBe(true);
  });

  it('content changes: editable statuses only, and only by the proposer side', () => {
    expect(canChangeContent('edit', 'submitted', ['province_officer'], sameProvince)).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(canChangeContent('edit', 'draft', ['agency_admin'], agency)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(canChangeContent('delete', 'registered', ['province_leader'], sameProvince).ok).toBe(false);
    expect(canChangeContent('delete', 'draft', ['unit_officer'], ownCentre).ok).toBe(true);
  });
});

describe('direct registration and reminders', () => {
  it('regional centres and national service organisations register directly', () => {
    expect(registersDirectly('regional_center', null)).toBe(true);
    expect(registersDirectly('service_org', null)).toBe(true);
    expect(registersDirectly('service_org', '24')).toBe(false);
    expect(registersDirectly('extension_center', '24')).toBe(false);
  });

  it.each([
    [20, undefined],
    [15, undefined],
    [14, 14],
    [13, 14],
    [7, 7],
    [6, 7],
    [3, 3],
    [2, 3],
    [1, 1],
    [0, 1],
    [-1, undefined],
  ])('%i days left → the %s-day reminder', (daysLeft, threshold) => {
    expect(reminderThreshold(daysLeft)).toBe(threshold);
  });
});

describe('implementation (issue #7)', () => {
  /** A Sở's proposal seen by another province's staff. */
  const otherProvince: TWorkflowContext = {
    isOwnProvince: false,
    isOwnOrganization: false,
    registersDirectly: false,
  };
  it.each([
    ['contract', 'approved', 'unit_officer', ownCentre, 'contracted'],
    ['contract', 'approved', 'province_officer', sameProvince, 'contracted'],
    ['contract', 'approved', 'agency_officer', otherProvince, 'contracted'],
    ['contract', 'approved', 'province_officer', otherProvince, 'forbidden'],
    ['contract', 'approved', 'unit_officer', sameProvince, 'forbidden'],
    ['contract', 'contracted', 'unit_officer', ownCentre, 'invalid'],
    ['start', 'contracted', 'unit_officer', ownCentre, 'in_progress'],
    ['start', 'approved', 'unit_officer', ownCentre, 'invalid'],
    ['accept', 'in_progress', 'province_officer', sameProvince, 'accepted'],
    ['accept', 'in_progress', 'unit_officer', ownCentre, 'forbidden'],
    ['accept', 'contracted', 'province_officer', sameProvince, 'invalid'],
    ['settle', 'accepted', 'agency_officer', otherProvince, 'settled'],
    ['settle', 'accepted', 'province_leader', sameProvince, 'forbidden'],
    ['settle', 'in_progress', 'agency_officer', otherProvince, 'invalid'],
    ['close', 'settled', 'agency_officer', otherProvince, 'closed'],
    ['stop', 'in_progress', 'agency_leader', otherProvince, 'stopped'],
    ['carry_over', 'contracted', 'agency_leader', otherProvince, 'carried_over'],
  ] as [TProposalAction, TProposalStatus, TRole, TWorkflowContext, string][])(
    '%s from %s by %s → %s',
    (action, from, role, ctx, expected) => {
      const decision = decideTransition(from, action, [role], ctx);
      if (expected === 'forbidden') expect(decision).toEqual({ ok: false, reason: 'forbidden' });
      else if (expected === 'invalid') expect(decision).toEqual({ ok: false, reason: 'invalid_transition' });
      else expect(decision.ok && decision.rule.to).toBe(expected);
    },
  );
});

describe('local programme (KCĐP, issue #7)', () => {
  const localSo: TWorkflowContext = { ...sameProvince, programme: 'local' };
  const localCentre: TWorkflowContext = { ...ownCentre, programme: 'local' };
  const localOtherProvince: TWorkflowContext = { ...outsider, programme: 'local' };
  const localAgency: TWorkflowContext = { ...outsider, programme: 'local' };
  const ownCommittee: TWorkflowContext = { ...sameProvince, programme: 'local', isProvincialCommittee: true };
  const otherCommittee: TWorkflowContext = { ...outsider, programme: 'local', isProvincialCommittee: true };
  const nationalCommittee: TWorkflowContext = { ...sameProvince, isProvincialCommittee: true };

  it.each([
    ['register', 'draft', 'province_leader', localSo, 'registered'],
    ['base_appraise_pass', 'registered', 'province_officer', localSo, 'base_appraised'],
    // No submission to the agency in a local cycle.
    ['submit', 'base_appraised', 'province_leader', localSo, 'forbidden'],
    ['resubmit', 'returned', 'province_leader', localSo, 'forbidden'],
    ['accept_into_appraisal', 'base_appraised', 'province_officer', localSo, 'under_appraisal'],
    ['accept_into_appraisal', 'base_appraised', 'province_leader', localSo, 'under_appraisal'],
    ['accept_into_appraisal', 'base_appraised', 'province_officer', localOtherProvince, 'forbidden'],
    ['accept_into_appraisal', 'base_appraised', 'unit_officer', localCentre, 'forbidden'],
    ['accept_into_appraisal', 'submitted', 'agency_officer', localAgency, 'forbidden'],
    ['recommend', 'under_appraisal', 'province_officer', localSo, 'recommended'],
    ['not_recommend', 'under_appraisal', 'province_leader', localSo, 'not_recommended'],
    ['recommend', 'not_recommended', 'province_officer', localSo, 'recommended'],
    ['recommend', 'under_appraisal', 'province_officer', localOtherProvince, 'forbidden'],
    ['recommend', 'under_appraisal', 'unit_officer', localCentre, 'forbidden'],
    // The agency reads local proposals but does not act on them.
    ['recommend', 'under_appraisal', 'agency_officer', localAgency, 'forbidden'],
    ['return', 'under_appraisal', 'agency_officer', localAgency, 'forbidden'],
    ['approve', 'recommended', 'agency_leader', localAgency, 'forbidden'],
    // Only a leader of the province's own People's Committee approves.
    ['approve', 'recommended', 'province_leader', ownCommittee, 'approved'],
    ['approve', 'recommended', 'province_officer', ownCommittee, 'forbidden'],
    ['approve', 'recommended', 'province_leader', localSo, 'forbidden'],
    ['approve', 'recommended', 'province_leader', otherCommittee, 'forbidden'],
    ['approve', 'under_appraisal', 'province_leader', ownCommittee, 'invalid'],
    // A UBND member is not the Sở, and a UBND never approves a national proposal.
    ['base_appraise_pass', 'registered', 'province_officer', ownCommittee, 'forbidden'],
    ['approve', 'recommended', 'province_leader', nationalCommittee, 'forbidden'],
    // National proposals: the Sở still neither accepts into appraisal nor decides.
    ['accept_into_appraisal', 'base_appraised', 'province_officer', sameProvince, 'forbidden'],
    ['recommend', 'under_appraisal', 'province_officer', sameProvince, 'forbidden'],
    ['approve', 'recommended', 'agency_leader', agency, 'approved'],
  ] as [TProposalAction, TProposalStatus, TRole, TWorkflowContext, string][])(
    '%s from %s by %s (%o) → %s',
    (action, from, role, ctx, expected) => {
      const decision = decideTransition(from, action, [role], ctx);
      if (expected === 'forbidden') expect(decision).toEqual({ ok: false, reason: 'forbidden' });
      else if (expected === 'invalid') expect(decision).toEqual({ ok: false, reason: 'invalid_transition' });
      else expect(decision.ok && decision.rule.to).toBe(expected);
    },
  );

  it('abilities of the Sở on a local proposal: accept and decide, never submit', () => {
    expect(abilities('base_appraised', ['province_leader'], localSo)).toMatchObject({
      submit: false,
      acceptIntoAppraisal: true,
    });
    expect(abilities('under_appraisal', ['province_officer'], localSo)).toMatchObject({ decide: true });
    expect(abilities('under_appraisal', ['agency_officer'], localAgency)).toMatchObject({
      decide: false,
      return: false,
    });
  });
});

describe('deadlineStagesFor (a list skips the deadline look-ups when it is empty)', () => {
  const contexts: TWorkflowContext[] = [
    sameProvince,
    ownCentre,
    ownDirect,
    directInProvince,
    { ...sameProvince, programme: 'local' },
    { ...sameProvince, programme: 'local', isProvincialCommittee: true },
  ];
  const stageCombos = [
    { registration: true, dossier: true },
    { registration: false, dossier: true },
    { registration: true, dossier: false },
    { registration: false, dossier: false },
  ];
  it('deadlines change nothing for any status, role and relation where it names no stage', () => {
    let skipped = 0;
    for (const status of PROPOSAL_STATUSES)
      for (const role of ROLES)
        for (const ctx of contexts) {
          const stages = deadlineStagesFor(status, [role], ctx);
          const without = abilities(status, [role], ctx);
          for (const stageOpen of stageCombos) {
            const withDeadlines = abilities(status, [role], { ...ctx, stageOpen });
            if (stages.length === 0) expect(withDeadlines, `${status} ${role}`).toEqual(without);
            // A stage it names is one whose closing does change something.
            for (const stage of stages) {
              const closed = abilities(status, [role], {
                ...ctx,
                stageOpen: { ...stageOpen, [stage]: false },
              });
              const open = abilities(status, [role], { ...ctx, stageOpen: { ...stageOpen, [stage]: true } });
              expect(closed, `${status} ${role} ${stage}`).not.toEqual(open);
            }
          }
          if (stages.length === 0) skipped += 1;
        }
    expect(skipped).toBeGreaterThan(PROPOSAL_STATUSES.length * ROLES.length);
  });

  it('names the registration stage for a draft the Sở leader may register', () => {
    expect(deadlineStagesFor('draft', ['province_leader'], sameProvince)).toContain('registration');
    expect(deadlineStagesFor('closed', ['agency_officer'], sameProvince)).toEqual([]);
  });
});

describe('who pays, settles and closes: the agency nationally, the Sở locally', () => {
  const local: TWorkflowContext = { ...sameProvince, programme: 'local' };
  const agencyView: TWorkflowContext = {
    isOwnProvince: false,
    isOwnOrganization: false,
    registersDirectly: false,
  };
  it('canFinance', () => {
    expect(canFinance(['agency_officer'], agencyView)).toBe(true);
    expect(canFinance(['agency_officer'], { ...agencyView, programme: 'local' })).toBe(false);
    expect(canFinance(['province_officer'], sameProvince)).toBe(false);
    expect(canFinance(['province_officer'], local)).toBe(true);
    expect(canFinance(['province_leader'], local)).toBe(true);
    expect(canFinance(['province_officer'], { ...local, isOwnProvince: false })).toBe(false);
    expect(canFinance(['unit_officer'], { ...local, isOwnOrganization: true })).toBe(false);
  });
  it('settle, close, stop and carry-over follow the programme', () => {
    expect(decideTransition('accepted', 'settle', ['province_officer'], local).ok).toBe(true);
    expect(decideTransition('accepted', 'settle', ['province_officer'], sameProvince).ok).toBe(false);
    expect(
      decideTransition('accepted', 'settle', ['agency_officer'], { ...agencyView, programme: 'local' }).ok,
    ).toBe(false);
    expect(decideTransition('settled', 'close', ['agency_officer'], agencyView).ok).toBe(true);
    expect(decideTransition('in_progress', 'stop', ['province_leader'], local).ok).toBe(true);
    expect(decideTransition('in_progress', 'stop', ['province_leader'], sameProvince).ok).toBe(false);
    expect(decideTransition('in_progress', 'carry_over', ['agency_leader'], agencyView).ok).toBe(true);
    expect(
      decideTransition('approved', 'contract', ['agency_officer'], { ...agencyView, programme: 'local' }).ok,
    ).toBe(false);
  });
});
