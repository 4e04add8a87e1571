import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import type { TActor } from '../../access/actor';
import { organizations, proposalDocuments, proposals, users } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { proposalScope } from '../proposals';

export type TDocumentRecord = typeof proposalDocuments.$inferSelect;
/** A document row with the uploader's name, as the presenter needs it. */
export type TDocumentRow = { document: TDocumentRecord; uploadedByName: string | null };

const rowColumns = { document: proposalDocuments, uploadedByName: users.name };

/** Every version of every document of a proposal (the caller has already checked the proposal's scope). */
export async function documentsOfProposal(db: TDbOrTx, proposalId: string): Promise<TDocumentRow[]> {
  return db
    .select(rowColumns)
    .from(proposalDocuments)
    .leftJoin(users, eq(users.id, proposalDocuments.uploadedBy))
    .where(eq(proposalDocuments.proposalId, proposalId))
    .orderBy(asc(proposalDocuments.kind), desc(proposalDocuments.version));
}

/** The current (not superseded) version of each kind (the caller has already checked the scope). */
export async function currentDocumentsOfProposal(db: TDbOrTx, proposalId: string): Promise<TDocumentRow[]> {
  return db
    .select(rowColumns)
    .from(proposalDocuments)
    .leftJoin(users, eq(users.id, proposalDocuments.uploadedBy))
    .where(and(eq(proposalDocuments.proposalId, proposalId), isNull(proposalDocuments.supersededAt)))
    .orderBy(asc(proposalDocuments.uploadedAt), asc(proposalDocuments.kind));
}

/**
 * One document if the actor may see its proposal, else null (answered 404 either way): every read of a
 * document goes through its proposal's province scope.
 */
export async function findDocument(db: TDbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select({
      document: proposalDocuments,
      uploadedByName: users.name,
      proposalCode: proposals.code,
      provinceCode: proposals.provinceCode,
    })
    .from(proposalDocuments)
    .innerJoin(proposals, eq(proposals.id, proposalDocuments.proposalId))
    .leftJoin(users, eq(users.id, proposalDocuments.uploadedBy))
    .where(and(eq(proposalDocuments.id, id), proposalScope(actor)))
    .limit(1);
  return row ?? null;
}

/** The highest version of a kind so far (0 when none); call with the proposal row locked. */
export async function latestVersion(db: TDbOrTx, proposalId: string, kind: string): Promise<number> {
  const [row] = await db
    .select({ version: max(proposalDocuments.version) })
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), eq(proposalDocuments.kind, kind)));
  return row?.version ?? 0;
}

/** The implementing organisation's name, for the receipt. */
export async function organizationName(db: TDbOrTx, id: string): Promise<string> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  return row?.name ?? '';
}
