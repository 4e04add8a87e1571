import { and, count, eq, gt } from 'drizzle-orm';
import { loginAttempts } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

/**
 * Login throttling (R6), kept in PostgreSQL so every instance sees the same counts: at most
 * 5 failed attempts per account and 30 per address within 15 minutes.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export async function isLoginThrottled(db: TDbOrTx, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)),
    );
  if ((byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [byAddress] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return (byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginAttempt(
  db: TDbOrTx,
  input: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db.insert(loginAttempts).values(input);
}
