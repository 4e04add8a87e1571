import { eq } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TRole } from '../../../domain/enums/roles';
import type { TUpdateUserRequest } from '../../../domain/schemas/users';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { deleteUserSessions } from '../auth/sessions';
import { assertRolesFitOrganization } from './role-rules';
import { findOrganizationForUser, findUser } from './users.repository';

/** Edits a user; deactivation ends their sessions at once. Admins cannot deactivate themselves. */
export async function updateUser(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TUpdateUserRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'users.write');
  const current = await findUser(tx, actor, id);
  if (!current) throw notFound();
  if (data.active === false && id === actor.userId) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'active',
          code: 'invalid_value',
          message: {
            vi: 'Không thể tự khóa tài khoản của chính mình.',
            en: 'You cannot deactivate your own account.',
          },
        },
      ],
    });
  }
  const organizationId = data.organizationId ?? current.user.organizationId;
  const organization = await findOrganizationForUser(tx, organizationId);
  if (!organization) {
    throw new AppError('validation_failed', { errors: [{ path: 'organizationId', code: 'invalid_value' }] });
  }
  const roles = data.roles ? [...new Set(data.roles)] : (current.user.roles as TRole[]);
  assertRolesFitOrganization(roles, organization.kind as TOrganizationKind);

  const next = {
    name: data.name ?? current.user.name,
    organizationId,
    roles,
    active: data.active ?? current.user.active,
  };
  await tx
    .update(users)
    .set({ ...next, updatedAt: now })
    .where(eq(users.id, id));
  if (!next.active || next.organizationId !== current.user.organizationId || data.roles) {
    // Access changes take effect immediately: no session keeps the old rights.
    await deleteUserSessions(tx, id);
  }
  const before = {
    name: current.user.name,
    organizationId: current.user.organizationId,
    roles: current.user.roles,
    active: current.user.active,
  };
  const action =
    before.active && !next.active
      ? 'user.deactivated'
      : !before.active && next.active
        ? 'user.reactivated'
        : 'user.updated';
  await recordAudit(tx, {
    actor: auditActor(actor),
    action,
    entityType: 'user',
    entityId: id,
    provinceCode: organization.provinceCode,
    before,
    after: next,
    at: now,
  });
}
