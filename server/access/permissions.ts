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
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const EVERY_USER: TPermission[] = [
  'organizations.read',
  'admin_units.read',
  'tokens.manage',
  'regulations.read',
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
  ],
  agency_officer: [...EVERY_USER, 'users.read'],
  agency_leader: [...EVERY_USER, 'users.read', 'audit.read'],
  appraiser: [...EVERY_USER],
  province_officer: [...EVERY_USER, 'users.read'],
  province_leader: [...EVERY_USER, 'users.read'],
  unit_officer: [...EVERY_USER, 'users.read'],
  auditor: [...EVERY_USER, 'users.read', 'audit.read'],
};

export function permissionsOf(roles: readonly TRole[]): Set<TPermission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}
