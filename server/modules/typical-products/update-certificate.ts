import { eq } from 'drizzle-orm';
import type { TUpdateCertificateRequest } from '../../../domain/schemas/typical-products';
import { auditActor, type TActor } from '../../access/actor';
import { typicalProductCertificates } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { duplicateNumberError, resolveCertificateFacts } from './certificate-input';
import { assertDecision, certificateWriteDecision } from './certificate-policy';
import type { TProvinces } from './provinces';
import { findByNumber, findCertificate, type TCertificateRow } from './typical-products.repository';

const EDITABLE = [
  'productName',
  'productGroup',
  'establishmentName',
  'establishmentTaxCode',
  'provinceCode',
  'currentProvinceCode',
  'commune',
  'level',
  'selectionRound',
  'selectionYear',
  'certificateNumber',
  'issueDate',
  'validUntil',
  'issuingBody',
] as const satisfies readonly (keyof TCertificateRow)[];

const snapshot = (row: TCertificateRow) => Object.fromEntries(EDITABLE.map((k) => [k, row[k]]));

/**
 * Changes a certificate. The caller must be allowed to write it as it is and as it becomes (a province
 * cannot raise its certificate to the national level, nor move it to another province); `lockVersion`
 * guards concurrent edits (409 when someone saved first).
 */
export async function updateCertificate(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  provinces: TProvinces;
  id: string;
  data: TUpdateCertificateRequest;
}): Promise<void> {
  const { actor, tx, now, provinces, id, data } = input;
  const current = await findCertificate(tx, id, { forUpdate: true });
  if (!current) throw notFound();
  assertDecision(certificateWriteDecision(actor, current));
  if (current.lockVersion !== data.lockVersion) throw new AppError('conflict');

  const merged = {
    productName: data.productName ?? current.productName,
    productGroup: data.productGroup ?? current.productGroup,
    establishmentName: data.establishmentName ?? current.establishmentName,
    establishmentTaxCode: data.establishmentTaxCode ?? current.establishmentTaxCode,
    commune: data.commune === undefined ? current.commune : data.commune,
    level: data.level ?? current.level,
    selectionRound: data.selectionRound === undefined ? current.selectionRound : data.selectionRound,
    selectionYear: data.selectionYear ?? current.selectionYear,
    certificateNumber: data.certificateNumber ?? current.certificateNumber,
    issueDate: data.issueDate ?? current.issueDate,
    validUntil: data.validUntil ?? current.validUntil,
    issuingBody: data.issuingBody ?? current.issuingBody,
  };
  const resolved = resolveCertificateFacts(
    provinces,
    { provinceCode: data.provinceCode ?? current.provinceCode, ...merged },
    now,
  );
  if (!resolved.ok) throw new AppError('validation_failed', { errors: resolved.errors });
  const next = {
    ...merged,
    provinceCode: resolved.provinceCode,
    currentProvinceCode: resolved.currentProvinceCode,
  };
  assertDecision(certificateWriteDecision(actor, next));
  if (next.certificateNumber !== current.certificateNumber || next.issuingBody !== current.issuingBody) {
    const other = await findByNumber(tx, next.issuingBody, next.certificateNumber);
    if (other && other.id !== id) {
      throw new AppError('validation_failed', {
        errors: [duplicateNumberError(next.certificateNumber, next.issuingBody)],
      });
    }
  }
  await tx
    .update(typicalProductCertificates)
    .set({ ...next, lockVersion: current.lockVersion + 1, updatedAt: now })
    .where(eq(typicalProductCertificates.id, id));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'typical_product.updated',
    entityType: 'typical_product_certificate',
    entityId: id,
    provinceCode: next.currentProvinceCode,
    before: snapshot(current),
    after: next,
    at: now,
  });
}
