import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import type { TAuditAction } from './audit-actions';

export type TAuditActor = {
  userId: string | null;
  label: string;
  ip?: string | null;
  requestId?: string | null;
};

export type TAuditInput = {
  actor: TAuditActor;
  action: TAuditAction;
  entityType: string;
  entityId?: string | null;
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
};

export const GENESIS_HASH = '0'.repeat(64);
/** One advisory lock serialises writers of the chain, so ids follow commit order and hashes link. */
const AUDIT_CHAIN_LOCK = 7_344_002;

/**
 * Appends an audit event in the caller's transaction (architecture rule 3): if the change rolls back,
 * so does its audit row. The transaction holds the chain lock until it ends.
 */
export async function recordAudit(tx: TDbOrTx, input: TAuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const [{ id } = { id: 0 }] = (
    await tx.execute<{ id: number }>(
      sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::int8 as id`,
    )
  ).rows;
  const row = {
    id: Number(id),
    occurredAt: input.at,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    provinceCode: input.provinceCode ?? null,
    ip: input.actor.ip ?? null,
    requestId: input.actor.requestId ?? null,
    before: normaliseJson(input.before),
    after: normaliseJson(input.after),
    prevHash,
  };
  await tx.insert(auditEvents).values({ ...row, hash: hashAuditRow(row) });
}

export type THashedAuditFields = {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceCode: string | null;
  ip: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
};

/** SHA-256 over a canonical serialisation of every field of the row and the previous row's hash. */
export function hashAuditRow(row: THashedAuditFields): string {
  const canonical = canonicalJson([
    row.id,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorLabel,
    row.action,
    row.entityType,
    row.entityId,
    row.provinceCode,
    row.ip,
    row.requestId,
    row.before ?? null,
    row.after ?? null,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function normaliseJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
