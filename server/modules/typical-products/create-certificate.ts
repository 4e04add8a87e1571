import type { TCreateCertificateRequest } from '../../../domain/schemas/typical-products';
import { auditActor, type TActor } from '../../access/actor';
import { typicalProductCertificates } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { duplicateNumberError, resolveCertificateFacts } from './certificate-input';
import { assertDecision, certificateWriteDecision } from './certificate-policy';
import type { TProvinces } from './provinces';
import { findByNumber } from './typical-products.repository';

/** The columns of a new certificate, checked (province of the time, validity, who may write it). */
export async function certificateValues(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  provinces: TProvinces;
  data: TCreateCertificateRequest;
}) {
  const { actor, tx, now, provinces, data } = input;
  const resolved = resolveCertificateFacts(provinces, data, now);
  if (!resolved.ok) throw new AppError('validation_failed', { errors: resolved.errors });
  assertDecision(
    certificateWriteDecision(actor, { level: data.level, currentProvinceCode: resolved.currentProvinceCode }),
  );
  if (await findByNumber(tx, data.issuingBody, data.certificateNumber)) {
    throw new AppError('validation_failed', {
      errors: [duplicateNumberError(data.certificateNumber, data.issuingBody)],
    });
  }
  return {
    productName: data.productName,
    productGroup: data.productGroup,
    establishmentName: data.establishmentName,
    establishmentTaxCode: data.establishmentTaxCode,
    provinceCode: resolved.provinceCode,
    currentProvinceCode: resolved.currentProvinceCode,
    commune: data.commune ?? null,
    level: data.level,
    selectionRound: data.selectionRound ?? null,
    selectionYear: data.selectionYear,
    certificateNumber: data.certificateNumber,
    issueDate: data.issueDate,
    validUntil: data.validUntil,
    issuingBody: data.issuingBody,
  };
}

/** Records a certificate in the registry (audited in the same transaction). */
export async function createCertificate(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  provinces: TProvinces;
  data: TCreateCertificateRequest;
  via?: 'form' | 'import';
}): Promise<string> {
  const { actor, tx, now } = input;
  const values = await certificateValues(input);
  const [created] = await tx
    .insert(typicalProductCertificates)
    .values({
      ...values,
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: typicalProductCertificates.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'typical_product.created',
    entityType: 'typical_product_certificate',
    entityId: created.id,
    provinceCode: values.currentProvinceCode,
    after: { ...values, via: input.via ?? 'form' },
    at: now,
  });
  return created.id;
}
