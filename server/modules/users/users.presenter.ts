import type { TRole } from '../../../domain/enums/roles';
import type { users } from '../../db/schema';

type TRow = { user: typeof users.$inferSelect; organizationName: string; provinceCode: string | null };

/** Never includes the password hash. */
export function presentUser({ user: u, organizationName, provinceCode }: TRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organizationId: u.organizationId,
    organizationName,
    provinceCode,
    roles: u.roles as TRole[],
    active: u.active,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
