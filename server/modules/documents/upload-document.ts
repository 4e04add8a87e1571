import { and, eq, isNull } from 'drizzle-orm';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import { auditActor, type TActor } from '../../access/actor';
import { proposalDocuments } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TStoredUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { findProposal } from '../proposals';
import { assertMayUpload } from './documents.policy';
import { latestVersion } from './documents.repository';

/**
 * Records a stored file as the new version of its kind in a proposal's dossier: the previous version
 * is kept and marked superseded, the new one gets version + 1, and the upload is audited in the same
 * transaction. The proposal row is locked, so two uploads of one kind get consecutive versions and an
 * upload racing a submission either lands before it or is refused with `409 invalid_transition`.
 */
export async function uploadDocument(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  proposalId: string;
  kind: TDocumentKind;
  fileName: string;
  stored: TStoredUpload;
  via: 'multipart' | 'tus';
}): Promise<string> {
  const { actor, tx, now, proposalId, kind, fileName, stored } = input;
  const row = await findProposal(tx, actor, proposalId, { forUpdate: true });
  if (!row) throw notFound();
  assertMayUpload(actor, row);

  const version = (await latestVersion(tx, proposalId, kind)) + 1;
  const superseded = await tx
    .update(proposalDocuments)
    .set({ supersededAt: now })
    .where(
      and(
        eq(proposalDocuments.proposalId, proposalId),
        eq(proposalDocuments.kind, kind),
        isNull(proposalDocuments.supersededAt),
      ),
    )
    .returning({ id: proposalDocuments.id });
  const [created] = await tx
    .insert(proposalDocuments)
    .values({
      proposalId,
      kind,
      version,
      fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: actor.via === 'system' ? null : actor.userId,
      uploadedAt: now,
    })
    .returning({ id: proposalDocuments.id });
  if (!created) throw new Error('insert returned no row');

  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'document.uploaded',
    entityType: 'proposal_document',
    entityId: created.id,
    provinceCode: row.proposal.provinceCode,
    before: superseded.length > 0 ? { supersededIds: superseded.map((s) => s.id) } : null,
    after: {
      proposalId,
      proposalCode: row.proposal.code,
      kind,
      version,
      fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      via: input.via,
    },
    at: now,
  });
  return created.id;
}
