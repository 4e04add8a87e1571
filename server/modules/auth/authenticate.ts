import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TRole } from '../../../domain/enums/roles';
import { buildActor, type TActor } from '../../access/actor';
import { apiTokens, organizations, users } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { hasConfirmedTotp, secondFactorRequired } from './second-factor';
import { findLiveSession } from './sessions';
import { API_TOKEN_PREFIX, hashSecret } from './tokens';

export type TAuthentication = {
  actor: TActor;
  csrfToken: string | null;
  sessionToken: string | null;
  /** A cookie session of an agency user who has not enrolled the required TOTP factor yet. */
  secondFactorMissing?: boolean;
};

/**
 * Resolves the caller from `Authorization: Bearer kc_…` or the session cookie. Deactivated users
 * and expired or revoked credentials give null (the route then answers 401).
 */
export async function authenticate(
  db: TDbOrTx,
  input: {
    bearer: string | null;
    cookie: string | null;
    now: Date;
    ip: string | null;
    requestId: string | null;
  },
): Promise<TAuthentication | null> {
  if (input.bearer?.startsWith(API_TOKEN_PREFIX)) {
    const [token] = await db
      .select()
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, hashSecret(input.bearer)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, input.now)),
        ),
      )
      .limit(1);
    if (!token) return null;
    if (!token.lastUsedAt || input.now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: input.now }).where(eq(apiTokens.id, token.id));
    }
    const actor = await loadActor(db, token.userId, 'token', input);
    return actor ? { actor, csrfToken: null, sessionToken: null } : null;
  }
  if (input.cookie) {
    const session = await findLiveSession(db, input.cookie, input.now);
    if (!session) return null;
    const actor = await loadActor(db, session.userId, 'session', input);
    if (!actor) return null;
    const secondFactorMissing =
      secondFactorRequired(actor.roles) && !(await hasConfirmedTotp(db, actor.userId));
    return { actor, csrfToken: session.csrfToken, sessionToken: input.cookie, secondFactorMissing };
  }
  return null;
}

export async function loadActor(
  db: TDbOrTx,
  userId: string,
  via: TActor['via'],
  context: { ip: string | null; requestId: string | null },
): Promise<TActor | null> {
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row?.user.active) return null;
  return buildActor({
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    roles: row.user.roles as TRole[],
    organizationId: row.organization.id,
    organizationKind: row.organization.kind as TOrganizationKind,
    provinceCode: row.organization.provinceCode,
    via,
    ip: context.ip,
    requestId: context.requestId,
  });
}
