import type { TRole } from '../../domain/enums/roles';

/** Permissions are the vocabulary between roles and routes; routes name a permission, never a role. */
export const PERMISSIONS = [
  'organizations.read',
  'organizations.write',
  'users.read', // read user accounts, within the caller's scope
  'users.write',
  'admin_units.read',
  'audit.read',
  'tokens.manage', // own API tokens
  'regulations.read', // regulation sets and the rule check
  'regulations.write', // publish a new version of a regulation set
  'cycles.read', // plan cycles, deadlines and (scoped) extensions
  'cycles.write', // create and change cycles, grant extensions
  'cycles.create', // POST /cycles: the administrator any cycle, a Sở its province's local (KCĐP) ones (the use case decides)
  'local_plans.manage', // the Sở's side of a local (KCĐP) cycle: accept into appraisal, decide (the workflow decides who, when) (issue #7)
  'local_plans.approve', // approve a province's local plan: a leader of its People's Committee (the workflow checks the UBND)
  'proposals.read', // proposals within the caller's scope
  'proposals.write', // create, edit and delete the caller's side's proposals (the workflow decides when)
  'proposals.register', // send the registration report
  'proposals.base_appraise', // the Sở's base-level appraisal
  'proposals.submit', // submit (and resubmit) dossiers to the agency
  'proposals.return', // return a submitted dossier for a supplement
  'proposals.withdraw',
  'appraisals.manage', // the agency inbox: accept into appraisal, assign appraisers, decide, minutes
  'appraisals.read', // every submitted appraisal of every proposal (the consensus view)
  'appraisals.write', // fill and submit one's own appraisal of an assigned proposal
  'plans.read', // the national plan (scoped: a province sees its own items)
  'plans.approve', // approve a version of the national plan (decision number and date)
  'stats.read', // dashboard figures, the map and search, within the caller's scope
  'programmes.read', // programmes for a period, their targets and progress
  'programmes.write', // enter and change programmes and their targets
  'typical_products.read', // the typical-product certificate registry (everyone signed in)
  'typical_products.write', // record certificates and yearly reports: the agency regional/national, a province its provincial ones
  'implementation.write', // contract, monthly progress reports, acceptance (the workflow decides who, when) (issue #7)
  'implementation.finance', // advances and settlement: the agency for national projects, the Sở for local ones (the workflow's canFinance decides)
  'adjustments.request', // request an adjustment, supplement or stop of an approved project
  'adjustments.decide', // decide one, within the authority the regulation set requires
  'inspections.write', // plan and record inspection visits
  'reports.read', // the Sở's periodic reports: a province its own, the agency any (issue #7)
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const EVERY_USER: TPermission[] = [
  'organizations.read',
  'admin_units.read',
  'tokens.manage',
  'regulations.read',
  'cycles.read',
  'proposals.read', // scoped: an appraiser sees only what is assigned to them (none yet)
  'stats.read', // scoped like proposals.read
  'programmes.read',
  'typical_products.read',
];
/** The proposer's side: the Sở and its centre (province roles) and implementing units. */
const PROPOSER: TPermission[] = [
  'proposals.write',
  'proposals.withdraw',
  'plans.read',
  'implementation.write',
  'adjustments.request',
];

/** The role → permission table (brief, "Actors and roles"). Deny by default: absent means no. */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  agency_admin: [
    ...EVERY_USER,
    'organizations.write',
    'users.read',
    'users.write',
    'audit.read',
    'regulations.write',
    'cycles.write',
    'cycles.create',
    'programmes.write',
    'plans.read',
    'typical_products.write',
  ],
  agency_officer: [
    ...EVERY_USER,
    'users.read',
    'proposals.return',
    'appraisals.manage',
    'appraisals.read',
    'appraisals.write', // staff appraisal: an officer may be assigned as an appraiser
    'plans.read',
    'typical_products.write',
    'implementation.write',
    'implementation.finance',
    'adjustments.decide',
    'inspections.write',
    'reports.read',
  ],
  agency_leader: [
    ...EVERY_USER,
    'users.read',
    'audit.read',
    'appraisals.read',
    'plans.read',
    'plans.approve',
    'adjustments.decide', // records the Minister's decisions (TT 36/2013 Art. 11)
    'reports.read',
  ],
  appraiser: [...EVERY_USER, 'appraisals.write'],
  province_officer: [
    ...EVERY_USER,
    'users.read',
    ...PROPOSER,
    'proposals.base_appraise',
    'cycles.create',
    'local_plans.manage',
    'regulations.write', // their own province's local set only (the use case checks)
    'typical_products.write',
    'implementation.finance', // advances and settlement of their province's LOCAL projects (canFinance)
    'inspections.write',
    'reports.read',
  ],
  province_leader: [
    ...EVERY_USER,
    'users.read',
    ...PROPOSER,
    'proposals.base_appraise',
    'proposals.register',
    'proposals.submit',
    'cycles.create',
    'local_plans.manage',
    'local_plans.approve',
    'regulations.write', // their own province's local set only (the use case checks)
    'typical_products.write',
    'implementation.finance', // advances and settlement of their province's LOCAL projects (canFinance)
    'adjustments.decide', // the Sở's decisions on group projects (TT 36/2013 Art. 11)
    'inspections.write',
    'reports.read',
  ],
  unit_officer: [...EVERY_USER, 'users.read', ...PROPOSER, 'proposals.register', 'proposals.submit'],
  auditor: [...EVERY_USER, 'users.read', 'audit.read', 'appraisals.read', 'plans.read', 'reports.read'],
};

export function permissionsOf(roles: readonly TRole[]): Set<TPermission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}
