import type { TOrganizationKind } from '../../domain/enums/organization-kinds';
import { AGENCY_ROLES, type TRole } from '../../domain/enums/roles';
import { AppError } from '../platform/errors';
import { permissionsOf, type TPermission } from './permissions';

/** Who is acting: built once per request (or by the CLI / a job) and passed to every use case. */
export type TActor = {
  userId: string;
  email: string;
  name: string;
  roles: TRole[];
  organizationId: string;
  organizationKind: TOrganizationKind;
  /** The province of the actor's organisation (a code in force today); null for national bodies. */
  provinceCode: string | null;
  permissions: Set<TPermission>;
  via: 'session' | 'token' | 'system';
  ip: string | null;
  requestId: string | null;
};

export function buildActor(input: Omit<TActor, 'permissions'>): TActor {
  return { ...input, permissions: permissionsOf(input.roles) };
}

/** The CLI and jobs act as the system, with every permission, and are audited as such. */
export function systemActor(label = 'system'): TActor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: label,
    name: label,
    roles: ['agency_admin'],
    organizationId: '00000000-0000-0000-0000-000000000000',
    organizationKind: 'agency',
    provinceCode: null,
    permissions: permissionsOf(['agency_admin', 'auditor']),
    via: 'system',
    ip: null,
    requestId: null,
  };
}

export function can(actor: TActor, permission: TPermission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: TActor, permission: TPermission): void {
  if (!can(actor, permission)) throw new AppError('forbidden');
}

export function isAgencyActor(actor: TActor): boolean {
  return actor.roles.some((role) => AGENCY_ROLES.includes(role));
}

/** The actor as the audit trail records it. */
export function auditActor(actor: TActor) {
  return {
    userId: actor.via === 'system' ? null : actor.userId,
    label: actor.via === 'system' ? `system:${actor.name}` : actor.email,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}
