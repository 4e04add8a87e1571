import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AGENCY_ROLES, type TRole } from '../../../domain/enums/roles';
import { auditActor, type TActor } from '../../access/actor';
import { userRecoveryCodes, userTotp } from '../../db/schema';
import type { TDbOrTx, TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { hashSecret } from './tokens';
import {
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  RECOVERY_CODE_LENGTH,
} from './totp';

/**
 * The TOTP second factor (R6): required for the agency roles (they see every province), optional for
 * the others. An agency user without a confirmed factor gets a session that can only enrol (see
 * `allowWithoutSecondFactor` on the routes); a user with one is asked for a code at every login.
 */
export function secondFactorRequired(roles: readonly TRole[]): boolean {
  return roles.some((role) => AGENCY_ROLES.includes(role));
}

export async function hasConfirmedTotp(db: TDbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

export type TSecondFactorStatus = { enabled: boolean; required: boolean; recoveryCodesLeft: number };

/** `enrolmentOptional`: the test-only switch of the e2e server (KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL). */
export async function secondFactorStatus(
  db: TDbOrTx,
  actor: TActor,
  enrolmentOptional = false,
): Promise<TSecondFactorStatus> {
  const enabled = await hasConfirmedTotp(db, actor.userId);
  const codes = enabled
    ? await db
        .select({ id: userRecoveryCodes.id })
        .from(userRecoveryCodes)
        .where(and(eq(userRecoveryCodes.userId, actor.userId), isNull(userRecoveryCodes.usedAt)))
    : [];
  return {
    enabled,
    required: secondFactorRequired(actor.roles) && !enrolmentOptional,
    recoveryCodesLeft: codes.length,
  };
}

/** Step 1 of enrolment: a new secret (replacing an unconfirmed one), its otpauth URI and QR code. */
export async function startTotpEnrolment(input: { actor: TActor; tx: TTx; now: Date }) {
  const { actor, tx, now } = input;
  if (await hasConfirmedTotp(tx, actor.userId)) throw new AppError('totp_already_enabled');
  const secret = newTotpSecret();
  await tx
    .insert(userTotp)
    .values({ userId: actor.userId, secret, createdAt: now })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secret, createdAt: now, lastUsedStep: null, confirmedAt: null },
    });
  const uri = otpauthUri(secret, actor.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, otpauthUri: uri, qrSvg };
}

/**
 * Step 2: a code from the app proves the secret was stored; the factor is on and ten one-time recovery
 * codes are returned (shown once; only their SHA-256 is kept).
 */
export async function confirmTotpEnrolment(input: { actor: TActor; tx: TTx; now: Date; code: string }) {
  const { actor, tx, now } = input;
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, actor.userId)).for('update');
  if (!row) throw new AppError('not_found');
  if (row.confirmedAt) throw new AppError('totp_already_enabled');
  const step = matchTotp(row.secret, input.code, now);
  if (step === null) throw new AppError('totp_invalid');
  await tx
    .update(userTotp)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(eq(userTotp.userId, actor.userId));
  const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId, now);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.totp_enabled',
    entityType: 'user',
    entityId: actor.userId,
    at: now,
  });
  return { recoveryCodes };
}

/** New recovery codes (the old ones stop working), after a current TOTP code. */
export async function regenerateRecoveryCodes(input: { actor: TActor; tx: TTx; now: Date; code: string }) {
  const { actor, tx, now } = input;
  if (!(await consumeTotp(tx, actor.userId, input.code, now))) throw new AppError('totp_invalid');
  const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId, now);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.recovery_codes_regenerated',
    entityType: 'user',
    entityId: actor.userId,
    at: now,
  });
  return { recoveryCodes };
}

/**
 * Turns the factor off. Agency users may not (it is required for them); an administrator resets a
 * lost factor from the command line (`khuyencong users reset-totp`), which calls this as the system.
 */
export async function disableTotp(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  userId: string;
  code?: string;
  roles: readonly TRole[];
}) {
  const { actor, tx, now } = input;
  const bySystem = actor.via === 'system';
  if (!bySystem) {
    if (secondFactorRequired(input.roles)) throw new AppError('totp_required_for_role');
    if (!input.code || !(await consumeTotp(tx, input.userId, input.code, now))) {
      throw new AppError('totp_invalid');
    }
  }
  await tx.delete(userTotp).where(eq(userTotp.userId, input.userId));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, input.userId));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.totp_disabled',
    entityType: 'user',
    entityId: input.userId,
    at: now,
  });
}

/**
 * Checks a code at login: a 6-digit TOTP code (once per time step: the conditional UPDATE makes two
 * concurrent uses of one code give one success) or a recovery code (once, ever).
 */
export async function consumeSecondFactor(
  tx: TDbOrTx,
  userId: string,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery_code' | null> {
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) return (await consumeTotp(tx, userId, code, now)) ? 'totp' : null;
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== RECOVERY_CODE_LENGTH) return null;
  const used = await tx
    .update(userRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(userRecoveryCodes.userId, userId),
        eq(userRecoveryCodes.codeHash, hashSecret(normalized)),
        isNull(userRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: userRecoveryCodes.id });
  return used.length > 0 ? 'recovery_code' : null;
}

async function consumeTotp(tx: TDbOrTx, userId: string, code: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)))
    .limit(1);
  if (!row) return false;
  const step = matchTotp(row.secret, code, now);
  if (step === null) return false;
  const updated = await tx
    .update(userTotp)
    .set({ lastUsedStep: step })
    .where(
      and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))),
    )
    .returning({ userId: userTotp.userId });
  return updated.length > 0;
}

async function replaceRecoveryCodes(tx: TTx, userId: string, now: Date): Promise<string[]> {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  const codes = newRecoveryCodes();
  await tx
    .insert(userRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: hashSecret(normalizeRecoveryCode(code)), createdAt: now })),
    );
  return codes;
}
