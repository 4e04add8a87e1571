import { eq } from 'drizzle-orm';
import { auditActor, type TActor } from '../../access/actor';
import { users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, verifyPassword } from './password-hash';
import { assertAcceptablePassword } from './password-policy';
import { createSession, deleteUserSessions } from './sessions';

/**
 * Changes the caller's password after checking the current one. Every session of the user ends and,
 * for a cookie session, a new one is returned so the caller stays signed in on this device only.
 */
export async function changePassword(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  currentPassword: string;
  newPassword: string;
  userAgent: string | null;
}) {
  const { actor, tx, now } = input;
  const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update').limit(1);
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'currentPassword',
          code: 'invalid_value',
          message: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
        },
      ],
    });
  }
  assertAcceptablePassword(input.newPassword, user.email);
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, user.id));
  await deleteUserSessions(tx, user.id);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.password_changed',
    entityType: 'user',
    entityId: user.id,
    at: now,
  });
  return actor.via === 'session'
    ? createSession(tx, { userId: user.id, now, ip: actor.ip, userAgent: input.userAgent })
    : null;
}
