import type { TCertificateLevelCode, TProductGroup } from '../../../domain/enums/typical-products';
import type { TReferencedCertificate } from '../../../domain/regulation';
import type { TCertificate, TCertificateReport } from '../../../domain/schemas/typical-products';
import type { TActor } from '../../access/actor';
import { certificateWriteDecision, reportWriteDecision } from './certificate-policy';
import type { TProvinces } from './provinces';
import type { TCertificateRow, TReportRow } from './typical-products.repository';

export function presentCertificate(
  row: TCertificateRow,
  ctx: { actor: TActor; provinces: TProvinces; now: Date },
): TCertificate {
  const atTime = ctx.provinces.on(row.provinceCode, row.issueDate);
  const current = atTime ? ctx.provinces.successor(atTime) : undefined;
  return {
    id: row.id,
    productName: row.productName,
    productGroup: row.productGroup as TProductGroup,
    establishmentName: row.establishmentName,
    establishmentTaxCode: row.establishmentTaxCode,
    province: { code: row.provinceCode, name: atTime?.name ?? row.provinceCode },
    currentProvince: {
      code: row.currentProvinceCode,
      name: current?.code === row.currentProvinceCode ? current.name : row.currentProvinceCode,
    },
    commune: row.commune,
    level: row.level as TCertificateLevelCode,
    selectionRound: row.selectionRound,
    selectionYear: row.selectionYear,
    certificateNumber: row.certificateNumber,
    issueDate: row.issueDate,
    validUntil: row.validUntil,
    issuingBody: row.issuingBody,
    scan:
      row.scanStorageKey && row.scanUploadedAt
        ? {
            fileName: row.scanFileName ?? '',
            contentType: row.scanContentType ?? '',
            size: row.scanSize ?? 0,
            sha256: row.scanSha256 ?? '',
            uploadedAt: row.scanUploadedAt.toISOString(),
          }
        : null,
    canEdit: certificateWriteDecision(ctx.actor, row).ok,
    canReport: reportWriteDecision(ctx.actor, row).ok,
    lockVersion: row.lockVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentReport(row: TReportRow): TCertificateReport {
  return {
    id: row.id,
    certificateId: row.certificateId,
    year: row.year,
    revenue: row.revenue,
    exportRevenue: row.exportRevenue,
    workers: row.workers,
    outputQuantity: row.outputQuantity,
    outputUnit: row.outputUnit,
    notes: row.notes,
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A certificate as the rule engine reads it (the facts a proposal's check gets as input). */
export function toReferencedCertificate(row: TCertificateRow): TReferencedCertificate {
  return {
    id: row.id,
    number: row.certificateNumber,
    level: row.level as TCertificateLevelCode,
    productName: row.productName,
    holderName: row.establishmentName,
    holderTaxCode: row.establishmentTaxCode,
    validUntil: row.validUntil,
  };
}
