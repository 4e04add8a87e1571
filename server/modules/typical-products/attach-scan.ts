import { eq } from 'drizzle-orm';
import { auditActor, type TActor } from '../../access/actor';
import { typicalProductCertificates } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TStoredUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { assertDecision, certificateWriteDecision } from './certificate-policy';
import { findCertificate } from './typical-products.repository';

/**
 * Records a stored file as the certificate's scan. Returns the storage key of the scan it replaces (the
 * caller deletes that file once the transaction has committed), or null.
 */
export async function attachScan(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  certificateId: string;
  fileName: string;
  stored: TStoredUpload;
}): Promise<string | null> {
  const { actor, tx, now, certificateId, fileName, stored } = input;
  const current = await findCertificate(tx, certificateId, { forUpdate: true });
  if (!current) throw notFound();
  assertDecision(certificateWriteDecision(actor, current));
  await tx
    .update(typicalProductCertificates)
    .set({
      scanStorageKey: stored.key,
      scanFileName: fileName,
      scanContentType: stored.contentType,
      scanSize: stored.size,
      scanSha256: stored.sha256,
      scanUploadedAt: now,
      updatedAt: now,
    })
    .where(eq(typicalProductCertificates.id, certificateId));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'typical_product.scan_uploaded',
    entityType: 'typical_product_certificate',
    entityId: certificateId,
    provinceCode: current.currentProvinceCode,
    before: current.scanSha256 ? { fileName: current.scanFileName, sha256: current.scanSha256 } : null,
    after: { fileName, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 },
    at: now,
  });
  return current.scanStorageKey;
}
