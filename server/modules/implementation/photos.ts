import { and, asc, eq } from 'drizzle-orm';
import { decideTransition } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { implementationPhotos, progressReports, proposalInspections } from '../../db/schema';
import type { TDbOrTx, TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { TStoredUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { findProposal, workflowContext } from '../proposals';

/** What a photo may be: a picture, decided from its content by the upload pipeline. */
export const PHOTO_TYPES = ['jpeg', 'png'] as const;

export type TPhotoOwner = { inspectionId: string } | { proposalId: string; month: string };

/**
 * Resolves where a photo goes, in the caller's scope, before the body is read: an inspection (the
 * caller inspects) or a monthly report (the caller reports for the proposal). 404 outside the scope or
 * when the inspection or the month's report does not exist; 403 when the caller may not add to it.
 */
export async function photoTarget(
  db: TDbOrTx,
  actor: TActor,
  owner: TPhotoOwner,
): Promise<{ proposalId: string; inspectionId: string | null; progressReportId: string | null }> {
  if ('inspectionId' in owner) {
    assertCan(actor, 'inspections.write');
    const [inspection] = await db
      .select({ id: proposalInspections.id, proposalId: proposalInspections.proposalId })
      .from(proposalInspections)
      .where(eq(proposalInspections.id, owner.inspectionId));
    if (!inspection) throw notFound();
    if (!(await findProposal(db, actor, inspection.proposalId))) throw notFound();
    return { proposalId: inspection.proposalId, inspectionId: inspection.id, progressReportId: null };
  }
  assertCan(actor, 'implementation.write');
  const row = await findProposal(db, actor, owner.proposalId);
  if (!row) throw notFound();
  // Whoever may report for the proposal may add photos to its reports (as progress.ts decides).
  if (!decideTransition('contracted', 'start', actor.roles, workflowContext(actor, row)).ok) {
    throw new AppError('forbidden');
  }
  const [report] = await db
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.proposalId, owner.proposalId), eq(progressReports.month, owner.month)));
  if (!report) throw notFound();
  return { proposalId: owner.proposalId, inspectionId: null, progressReportId: report.id };
}

/** Records a stored picture against its inspection or report, audited in the same transaction. */
export async function addPhoto(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  owner: TPhotoOwner;
  fileName: string;
  stored: TStoredUpload;
}): Promise<{ id: string; proposalId: string }> {
  const { actor, tx, now, owner, fileName, stored } = input;
  if (!(PHOTO_TYPES as readonly string[]).includes(stored.type)) throw new AppError('unsupported_file_type');
  const target = await photoTarget(tx, actor, owner);
  const row = await findProposal(tx, actor, target.proposalId);
  if (!row) throw notFound();
  const [created] = await tx
    .insert(implementationPhotos)
    .values({
      ...target,
      fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: actor.via === 'system' ? null : actor.userId,
      uploadedAt: now,
    })
    .returning({ id: implementationPhotos.id });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'implementation_photo.uploaded',
    entityType: 'implementation_photo',
    entityId: created!.id,
    provinceCode: row.proposal.provinceCode,
    after: {
      code: row.proposal.code,
      ...target,
      fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
    },
    at: now,
  });
  return { id: created!.id, proposalId: target.proposalId };
}

/** A photo in the caller's scope (404 otherwise), its download audited. */
export async function downloadPhoto(input: { actor: TActor; tx: TTx; now: Date; photoId: string }) {
  const { actor, tx, now, photoId } = input;
  assertCan(actor, 'proposals.read');
  const [photo] = await tx.select().from(implementationPhotos).where(eq(implementationPhotos.id, photoId));
  if (!photo) throw notFound();
  const row = await findProposal(tx, actor, photo.proposalId);
  if (!row) throw notFound();
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'implementation_photo.downloaded',
    entityType: 'implementation_photo',
    entityId: photo.id,
    provinceCode: row.proposal.provinceCode,
    after: { code: row.proposal.code, sha256: photo.sha256 },
    at: now,
  });
  return photo;
}

/** The photos of a proposal, for its implementation view. */
export async function photosOfProposal(db: TDbOrTx, proposalId: string) {
  return db
    .select({
      id: implementationPhotos.id,
      inspectionId: implementationPhotos.inspectionId,
      progressReportId: implementationPhotos.progressReportId,
      fileName: implementationPhotos.fileName,
      size: implementationPhotos.size,
    })
    .from(implementationPhotos)
    .where(eq(implementationPhotos.proposalId, proposalId))
    .orderBy(asc(implementationPhotos.uploadedAt));
}
