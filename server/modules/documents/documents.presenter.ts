import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TDocument } from '../../../domain/schemas/documents';
import type { TDocumentRow } from './documents.repository';

export function presentDocument(row: TDocumentRow): TDocument {
  const d = row.document;
  return {
    id: d.id,
    proposalId: d.proposalId,
    kind: d.kind as TDocumentKind,
    version: d.version,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: d.uploadedBy ? { id: d.uploadedBy, name: row.uploadedByName ?? '' } : null,
    supersededAt: d.supersededAt ? d.supersededAt.toISOString() : null,
  };
}
