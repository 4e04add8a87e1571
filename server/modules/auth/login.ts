import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { isLoginThrottled, recordLoginAttempt } from './login-throttle';
import { decoyHash, verifyPassword } from './password-hash';
import { consumeSecondFactor, hasConfirmedTotp } from './second-factor';
import { createSession } from './sessions';

export type TLoginResult =
  | { ok: true; userId: string; token: string; csrfToken: string; expiresAt: Date }
  | {
      ok: false;
      reason: 'invalid_credentials' | 'account_disabled' | 'rate_limited' | 'totp_required' | 'totp_invalid';
    };

/**
 * Signs a user in: throttle check, constant-time password check, a NEW session (rotation at login),
 * the TOTP second factor when the account has one (a wrong code counts as a failed attempt), audit
 * of success and failure. A failure is still committed (attempt counter + audit row): the
 * route commits, then answers with the error.
 */
export async function login(input: {
  tx: TTx;
  email: string;
  password: string;
  /** The second factor (TOTP or recovery code), asked for when the account has one. */
  code?: string;
  ip: string;
  userAgent: string | null;
  now: Date;
  requestId: string | null;
}): Promise<TLoginResult> {
  const { tx, now } = input;
  const email = input.email.trim().toLowerCase();
  const audit = (action: 'auth.login' | 'auth.login_failed', userId: string | null, after: unknown) =>
    recordAudit(tx, {
      actor: { userId, label: email, ip: input.ip, requestId: input.requestId },
      action,
      entityType: 'user',
      entityId: userId,
      after,
      at: now,
    });

  if (await isLoginThrottled(tx, email, input.ip, now)) {
    await audit('auth.login_failed', null, { reason: 'rate_limited' });
    return { ok: false, reason: 'rate_limited' };
  }
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user?.passwordHash || !passwordOk) {
    await recordLoginAttempt(tx, { email, ip: input.ip, succeeded: false, at: now });
    await audit('auth.login_failed', user?.id ?? null, { reason: 'invalid_credentials' });
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (!user.active) {
    await recordLoginAttempt(tx, { email, ip: input.ip, succeeded: false, at: now });
    await audit('auth.login_failed', user.id, { reason: 'account_disabled' });
    return { ok: false, reason: 'account_disabled' };
  }
  let via = 'password';
  if (await hasConfirmedTotp(tx, user.id)) {
    // The password was right: the caller is asked for the code (nothing recorded yet).
    if (!input.code) return { ok: false, reason: 'totp_required' };
    const factor = await consumeSecondFactor(tx, user.id, input.code, now);
    if (!factor) {
      await recordLoginAttempt(tx, { email, ip: input.ip, succeeded: false, at: now });
      await audit('auth.login_failed', user.id, { reason: 'totp_invalid' });
      return { ok: false, reason: 'totp_invalid' };
    }
    via = `password+${factor}`;
  }
  await recordLoginAttempt(tx, { email, ip: input.ip, succeeded: true, at: now });
  await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  const session = await createSession(tx, { userId: user.id, now, ip: input.ip, userAgent: input.userAgent });
  await audit('auth.login', user.id, { via });
  return { ok: true, userId: user.id, ...session };
}
