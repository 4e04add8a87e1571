import { and, desc, eq, isNull } from 'drizzle-orm';
import { auditActor, type TActor } from '../../access/actor';
import { apiTokens } from '../../db/schema';
import type { TDbOrTx, TTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './tokens';

export function presentToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listOwnTokens(db: TDbOrTx, actor: TActor) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(presentToken);
}

/** Issues an API token for the actor's own account; the secret is returned once and stored hashed. */
export async function createApiToken(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  userId?: string;
  name: string;
  expiresInDays?: number;
}) {
  const { actor, tx, now } = input;
  const userId = input.userId ?? actor.userId;
  const token = newSecret(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name: input.name, tokenHash: hashSecret(token), createdAt: now, expiresAt })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.token_created',
    entityType: 'user',
    entityId: userId,
    after: { tokenId: row.id, name: row.name, expiresAt: row.expiresAt?.toISOString() ?? null },
    at: now,
  });
  return { ...presentToken(row), token };
}

export async function revokeApiToken(input: { actor: TActor; tx: TTx; now: Date; tokenId: string }) {
  const { actor, tx, now } = input;
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  if (!row) throw notFound();
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'auth.token_revoked',
    entityType: 'user',
    entityId: actor.userId,
    after: { tokenId: row.id },
    at: now,
  });
}
