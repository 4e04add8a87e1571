import { auditActor, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findDocument } from './documents.repository';

/**
 * Looks a document up through its proposal's scope (404 when missing or not visible) and audits the
 * download (quality.md R7: downloads are recorded). Returns the row, whose `storageKey` the route streams.
 */
export async function downloadDocument(input: { actor: TActor; tx: TTx; now: Date; documentId: string }) {
  const { actor, tx, now, documentId } = input;
  const row = await findDocument(tx, actor, documentId);
  if (!row) throw notFound();
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'document.downloaded',
    entityType: 'proposal_document',
    entityId: row.document.id,
    provinceCode: row.provinceCode,
    after: {
      proposalId: row.document.proposalId,
      proposalCode: row.proposalCode,
      kind: row.document.kind,
      version: row.document.version,
      sha256: row.document.sha256,
    },
    at: now,
  });
  return row;
}
