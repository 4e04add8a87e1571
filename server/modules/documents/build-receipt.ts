import { DOCUMENT_KIND_LABELS, type TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TReceipt } from '../../../domain/schemas/documents';
import type { TActor } from '../../access/actor';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { findProposal } from '../proposals';
import { currentDocumentsOfProposal } from './documents.repository';

/**
 * The receipt of a dossier (phiếu tiếp nhận hồ sơ): every current document with its kind, name, size,
 * SHA-256 and upload time, and the server's time. Under the Law on Electronic Transactions 2023 a
 * scanned document counts when its integrity is guaranteed: the hashes are that guarantee. Read through
 * the proposal's scope (404 otherwise).
 */
export async function buildReceipt(input: {
  actor: TActor;
  db: TDbOrTx;
  now: Date;
  proposalId: string;
  language?: 'vi' | 'en';
}): Promise<TReceipt> {
  const { actor, db, now, proposalId } = input;
  const language = input.language ?? 'vi';
  const row = await findProposal(db, actor, proposalId);
  if (!row) throw notFound();
  const documents = await currentDocumentsOfProposal(db, proposalId);
  const p = row.proposal;
  return {
    proposal: {
      id: p.id,
      code: p.code,
      title: p.title,
      planYear: p.planYear,
      provinceCode: p.provinceCode,
      status: p.status,
      implementingOrganizationName: row.implementingOrganizationName,
      submittedAt: p.submittedAt ? p.submittedAt.toISOString() : null,
    },
    documents: documents.map(({ document: d }) => ({
      id: d.id,
      kind: d.kind as TDocumentKind,
      kindLabel: DOCUMENT_KIND_LABELS[d.kind as TDocumentKind]?.[language] ?? d.kind,
      version: d.version,
      fileName: d.fileName,
      size: d.size,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
    totalSize: documents.reduce((sum, { document }) => sum + document.size, 0),
    serverTime: now.toISOString(),
  };
}
