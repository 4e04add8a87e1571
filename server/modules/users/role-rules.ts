import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TRole } from '../../../domain/enums/roles';
import { AppError } from '../../platform/errors';

/**
 * Which roles fit which organisation: agency roles belong to the agency, province roles to a Sở,
 * its extension centre or the UBND, unit roles to implementing units. Appraisers may come from
 * anywhere (council members are often outside experts).
 */
const ROLES_BY_KIND: Record<TOrganizationKind, readonly TRole[]> = {
  agency: ['agency_admin', 'agency_officer', 'agency_leader', 'appraiser', 'auditor'],
  provincial_department: ['province_officer', 'province_leader', 'appraiser'],
  extension_center: ['province_officer', 'province_leader', 'unit_officer', 'appraiser'],
  people_committee: ['province_officer', 'province_leader', 'auditor'],
  regional_center: ['unit_officer', 'appraiser'],
  service_org: ['unit_officer', 'appraiser'],
};

export function assertRolesFitOrganization(roles: readonly TRole[], kind: TOrganizationKind): void {
  const allowed = ROLES_BY_KIND[kind];
  const misfits = roles.filter((role) => !allowed.includes(role));
  if (misfits.length > 0) {
    throw new AppError('validation_failed', {
      errors: misfits.map((role) => ({
        path: 'roles',
        code: 'invalid_value',
        message: {
          vi: `Vai trò "${role}" không phù hợp với loại đơn vị của người dùng.`,
          en: `The role "${role}" does not fit the user's kind of organisation.`,
        },
      })),
    });
  }
}
