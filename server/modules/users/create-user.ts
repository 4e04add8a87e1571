import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TCreateUserRequest } from '../../../domain/schemas/users';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { passwordTokens, users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password-hash';
import { assertAcceptablePassword } from '../auth/password-policy';
import { hashSecret, newSecret } from '../auth/tokens';
import { enqueueMail } from '../mail/enqueue-mail';
import { welcomeMail } from '../mail/templates';
import { assertRolesFitOrganization } from './role-rules';
import { findOrganizationForUser } from './users.repository';

/** A set-password link is valid for three days. */
export const SET_PASSWORD_LINK_MS = 72 * 3_600_000;

/**
 * Creates an account. Without an initial password the user receives a welcome e-mail with a one-time
 * link to choose one; with one, the e-mail says the account exists. Either way, through the outbox.
 */
export async function createUser(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  publicUrl: string;
  data: TCreateUserRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'users.write');
  const organization = await findOrganizationForUser(tx, data.organizationId);
  if (!organization?.active) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'organizationId',
          code: 'invalid_value',
          message: {
            vi: 'Không tìm thấy đơn vị hoặc đơn vị đã ngừng hoạt động.',
            en: 'Organisation not found or inactive.',
          },
        },
      ],
    });
  }
  assertRolesFitOrganization(data.roles, organization.kind as TOrganizationKind);
  if (data.password !== undefined) assertAcceptablePassword(data.password, data.email);

  const roles = [...new Set(data.roles)];
  const [created] = await tx
    .insert(users)
    .values({
      email: data.email,
      name: data.name,
      organizationId: organization.id,
      roles,
      passwordHash: data.password === undefined ? null : await hashPassword(data.password),
      passwordChangedAt: data.password === undefined ? null : now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw new AppError('email_taken', { errors: [{ path: 'email', code: 'email_taken' }] });

  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_MS);
  await tx
    .insert(passwordTokens)
    .values({ tokenHash: hashSecret(token), userId: created.id, purpose: 'set_password', expiresAt });
  await enqueueMail(
    tx,
    welcomeMail({
      to: data.email,
      name: data.name,
      organizationName: organization.name,
      link: `${input.publicUrl}/set-password?token=${encodeURIComponent(token)}`,
      expiresAt,
    }),
  );
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'user.created',
    entityType: 'user',
    entityId: created.id,
    provinceCode: organization.provinceCode,
    after: {
      email: data.email,
      name: data.name,
      organizationId: organization.id,
      roles,
      withPassword: data.password !== undefined,
    },
    at: now,
  });
  return created.id;
}
