import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordTokens, users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from './password-hash';
import { assertAcceptablePassword } from './password-policy';
import { deleteUserSessions } from './sessions';
import { hashSecret } from './tokens';

/** Sets a password from a one-time link; the link is spent and existing sessions end. */
export async function setPasswordWithToken(input: {
  tx: TTx;
  now: Date;
  token: string;
  password: string;
  ip: string | null;
  requestId: string | null;
}): Promise<void> {
  const { tx, now } = input;
  const [link] = await tx
    .select({ tokenHash: passwordTokens.tokenHash, user: users })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashSecret(input.token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
      ),
    )
    .for('update')
    .limit(1);
  if (!link?.user.active) throw new AppError('invalid_token');
  assertAcceptablePassword(input.password, link.user.email);
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.password), passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, link.user.id));
  await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.tokenHash, link.tokenHash));
  await deleteUserSessions(tx, link.user.id);
  await recordAudit(tx, {
    actor: { userId: link.user.id, label: link.user.email, ip: input.ip, requestId: input.requestId },
    action: 'auth.password_set',
    entityType: 'user',
    entityId: link.user.id,
    at: now,
  });
}
