import { z } from 'zod';
import { DOCUMENT_KINDS } from '../enums/document-kinds';
import { ZInstant } from './common';

/** Dossier documents (api.md "POST /api/v1/proposals/{id}/documents"): the API contract, shared with the browser. */

export const ZDocumentKind = z.enum(DOCUMENT_KINDS);

export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One stored version of a document, as the upload answers it. */
export const ZDocument = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  kind: ZDocumentKind,
  version: z.number().int().min(1),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  sha256: ZSha256,
  uploadedAt: ZInstant,
  uploadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Null for the current version of its kind; when a newer upload replaced it otherwise. */
  supersededAt: ZInstant.nullable(),
});
export type TDocument = z.infer<typeof ZDocument>;

/** `GET /proposals/{id}/documents`: the current version of each kind, and every version (newest first). */
export const ZDocumentList = z.object({
  current: z.array(ZDocument),
  history: z.array(ZDocument),
  /** Whether the caller may upload now (the proposal's status and the caller's side). */
  canUpload: z.boolean(),
  maxBytes: z.number().int(),
});
export type TDocumentList = z.infer<typeof ZDocumentList>;

/** The multipart form's `kind` may also come as a query parameter (`?kind=`), for simple clients. */
export const ZUploadDocumentQuery = z.object({ kind: ZDocumentKind.optional() });

/** tus `Upload-Metadata` keys (values base64 in the header, as the protocol says). */
export const TUS_METADATA_KEYS = { proposalId: 'proposalId', kind: 'kind', fileName: 'filename' } as const;

/** The receipt of a dossier (phiếu tiếp nhận hồ sơ): what was received, with hashes, at the server's time. */
export const ZReceipt = z.object({
  proposal: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    planYear: z.number().int(),
    provinceCode: z.string(),
    status: z.string(),
    implementingOrganizationName: z.string(),
    submittedAt: ZInstant.nullable(),
  }),
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: ZDocumentKind,
      kindLabel: z.string(),
      version: z.number().int(),
      fileName: z.string(),
      size: z.number().int(),
      sha256: ZSha256,
      uploadedAt: ZInstant,
    }),
  ),
  totalSize: z.number().int(),
  /** The server's clock when the receipt was produced. */
  serverTime: ZInstant,
});
export type TReceipt = z.infer<typeof ZReceipt>;
