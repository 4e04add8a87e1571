import { eq, lt, or } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { hashSecret, newSecret } from './tokens';

/** R6 session lifetimes: 30 minutes idle, 12 hours absolute. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** last_seen_at is written at most once a minute, so reads don't turn every request into a write. */
const TOUCH_EVERY_MS = 60_000;

export const SESSION_COOKIE = 'kc_session';

export type TSessionRow = typeof sessions.$inferSelect;

/** Creates a new session (a fresh token at every login: no session fixation). Returns the cookie value. */
export async function createSession(
  tx: TDbOrTx,
  input: { userId: string; now: Date; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  await tx.insert(sessions).values({
    tokenHash: hashSecret(token),
    userId: input.userId,
    csrfToken,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * Applies the R6 timeouts to a session read by the caller: one past either is deleted (false); a live
 * one has its last_seen_at written at most once a minute (true).
 */
export async function keepSessionAlive(db: TDbOrTx, row: TSessionRow, now: Date): Promise<boolean> {
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (row.expiresAt <= now || idleFor > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, row.tokenHash));
    return false;
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, row.tokenHash));
  }
  return true;
}

export async function deleteSession(db: TDbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}

export async function deleteUserSessions(db: TDbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Housekeeping job: drop sessions past either timeout. */
export async function purgeExpiredSessions(db: TDbOrTx, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))),
    );
}

export function sessionCookieOptions(secure: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  };
}
