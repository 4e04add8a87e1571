import type { TPutReportRequest } from '../../../domain/schemas/typical-products';
import { auditActor, type TActor } from '../../access/actor';
import { typicalProductReports } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { assertDecision, reportWriteDecision } from './certificate-policy';
import { findCertificate, findReport } from './typical-products.repository';

/**
 * Records (or corrects) a certificate holder's report for one year: revenue, export revenue, workers,
 * output. A report cannot be for a year before the certificate's selection year.
 */
export async function recordReport(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  certificateId: string;
  year: number;
  data: TPutReportRequest;
}): Promise<{ id: string; created: boolean }> {
  const { actor, tx, now, certificateId, year, data } = input;
  const certificate = await findCertificate(tx, certificateId, { forUpdate: true });
  if (!certificate) throw notFound();
  assertDecision(reportWriteDecision(actor, certificate));
  if (year < certificate.selectionYear) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'year',
          code: 'invalid_value',
          message: {
            vi: `Năm báo cáo ${year} trước năm bình chọn ${certificate.selectionYear}.`,
            en: `Report year ${year} is before the selection year ${certificate.selectionYear}.`,
          },
        },
      ],
    });
  }
  const before = await findReport(tx, certificateId, year);
  const values = {
    revenue: data.revenue,
    exportRevenue: data.exportRevenue ?? null,
    workers: data.workers,
    outputQuantity: data.outputQuantity ?? null,
    outputUnit: data.outputUnit ?? null,
    notes: data.notes ?? null,
  };
  const [row] = await tx
    .insert(typicalProductReports)
    .values({
      certificateId,
      year,
      ...values,
      recordedBy: actor.via === 'system' ? null : actor.userId,
      recordedAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [typicalProductReports.certificateId, typicalProductReports.year],
      set: { ...values, updatedAt: now },
    })
    .returning({ id: typicalProductReports.id });
  if (!row) throw new Error('upsert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'typical_product.report_recorded',
    entityType: 'typical_product_certificate',
    entityId: certificateId,
    provinceCode: certificate.currentProvinceCode,
    before: before
      ? {
          year,
          revenue: before.revenue,
          exportRevenue: before.exportRevenue,
          workers: before.workers,
          outputQuantity: before.outputQuantity,
          outputUnit: before.outputUnit,
          notes: before.notes,
        }
      : null,
    after: { year, ...values },
    at: now,
  });
  return { id: row.id, created: before === null };
}
