import { useMemo } from 'react';
import { useMe } from '../features/auth/auth.api';

/** Permissions the server may grant (`GET /me` → `permissions`); the server is the only judge. */
export type TPermission =
  | 'organizations.read'
  | 'organizations.write'
  | 'users.read'
  | 'users.write'
  | 'admin_units.read'
  | 'audit.read'
  | 'tokens.manage'
  | 'regulations.read'
  | 'regulations.write'
  | 'cycles.read'
  | 'cycles.write'
  | 'cycles.create'
  | 'local_plans.manage'
  | 'local_plans.approve'
  | 'proposals.read'
  | 'proposals.write'
  | 'proposals.register'
  | 'proposals.base_appraise'
  | 'proposals.submit'
  | 'proposals.return'
  | 'proposals.withdraw'
  | 'appraisals.manage'
  | 'appraisals.read'
  | 'appraisals.write'
  | 'plans.read'
  | 'plans.approve'
  | 'stats.read'
  | 'programmes.read'
  | 'programmes.write'
  | 'typical_products.read'
  | 'typical_products.write'
  | 'reports.read';

export interface TPermissions {
  can: (permission: TPermission) => boolean;
  roles: readonly string[];
}

/**
 * What the signed-in user may do, exactly as the server said in `/me`. The UI shows or hides buttons
 * from this and never re-derives rules from roles.
 */
export function usePermissions(): TPermissions {
  const { data: me } = useMe();
  return useMemo(() => {
    const granted = new Set(me?.permissions ?? []);
    return { can: (permission: TPermission) => granted.has(permission), roles: me?.roles ?? [] };
  }, [me]);
}
