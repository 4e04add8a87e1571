import { z } from 'zod';
import { CERTIFICATE_LEVELS, PRODUCT_GROUPS } from '../enums/typical-products';
import { ZVnd } from '../regulation/types';
import { ZInstant, ZIsoDate, ZPageQuery, zSort, zText } from './common';

/**
 * API contract of the typical rural industrial product registry (issue #11): certificates, their
 * holders' yearly reports and the Excel import. Everyone signed in reads; the agency writes regional
 * and national certificates, a province its own provincial ones.
 */

export const ZProductGroup = z.enum(PRODUCT_GROUPS);
export const ZCertificateLevelCode = z.enum(CERTIFICATE_LEVELS);
const ZProvinceCode = z.string().regex(/^\d{2}$/, 'two digits');
/** A Vietnamese tax code: 10 digits, or 10 digits and a 3-digit branch suffix (0101234567-001). */
export const ZTaxCode = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^\d{10}(-\d{3})?$/, 'tax code'));

const certificateContent = {
  productName: zText(300),
  productGroup: ZProductGroup,
  establishmentName: zText(300),
  establishmentTaxCode: ZTaxCode,
  /** The province code of the time (the unit in force on the issue date; codes were reused in 2025). */
  provinceCode: ZProvinceCode,
  commune: z.string().trim().max(200).nullable().optional(),
  level: ZCertificateLevelCode,
  selectionRound: z.string().trim().max(100).nullable().optional(),
  selectionYear: z.number().int().min(2000).max(2100),
  certificateNumber: zText(100),
  issueDate: ZIsoDate,
  validUntil: ZIsoDate,
  issuingBody: zText(300),
};

export const ZCreateCertificateRequest = z.object(certificateContent);
export type TCreateCertificateRequest = z.infer<typeof ZCreateCertificateRequest>;

export const ZUpdateCertificateRequest = z
  .object(certificateContent)
  .partial()
  .extend({ lockVersion: z.number().int().min(1) });
export type TUpdateCertificateRequest = z.infer<typeof ZUpdateCertificateRequest>;

export const ZCertificatesQuery = ZPageQuery.extend({
  /** Diacritic-insensitive words over product, establishment, tax code and certificate number. */
  q: z.string().trim().max(200).optional(),
  level: ZCertificateLevelCode.optional(),
  productGroup: ZProductGroup.optional(),
  /** A province in force today: certificates of it and of the provinces merged into it. */
  provinceCode: ZProvinceCode.optional(),
  /** The holder's tax code, exactly (the certificate picker of a proposal). */
  taxCode: z.string().trim().max(20).optional(),
  /** Only certificates valid on this date. */
  validOn: ZIsoDate.optional(),
  selectionYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: zSort(['validUntil', 'issueDate', 'productName', 'createdAt']),
});
export type TCertificatesQuery = z.infer<typeof ZCertificatesQuery>;

const ZProvinceRef = z.object({ code: z.string(), name: z.string() });

export const ZCertificateScan = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: ZInstant,
});

export const ZCertificate = z.object({
  id: z.uuid(),
  productName: z.string(),
  productGroup: ZProductGroup,
  establishmentName: z.string(),
  establishmentTaxCode: z.string(),
  /** The province of the time, and the province in force today that succeeded it (the same when unchanged). */
  province: ZProvinceRef,
  currentProvince: ZProvinceRef,
  commune: z.string().nullable(),
  level: ZCertificateLevelCode,
  selectionRound: z.string().nullable(),
  selectionYear: z.number().int(),
  certificateNumber: z.string(),
  issueDate: ZIsoDate,
  validUntil: ZIsoDate,
  issuingBody: z.string(),
  scan: ZCertificateScan.nullable(),
  /** Whether the caller may change this certificate (and record its reports). */
  canEdit: z.boolean(),
  /** Whether the caller may record its holder's yearly reports (the province's staff, the agency). */
  canReport: z.boolean(),
  lockVersion: z.number().int(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TCertificate = z.infer<typeof ZCertificate>;

/** A certificate holder's yearly report (báo cáo hằng năm) with the establishment's figures. */
const reportContent = {
  revenue: ZVnd,
  exportRevenue: ZVnd.nullable().optional(),
  workers: z.number().int().min(0).max(1_000_000),
  outputQuantity: z.number().nonnegative().max(1e12).nullable().optional(),
  outputUnit: z.string().trim().max(50).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
};

export const ZReportYearParams = z.object({
  id: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const ZPutReportRequest = z.object(reportContent);
export type TPutReportRequest = z.infer<typeof ZPutReportRequest>;

export const ZCertificateReport = z.object({
  id: z.uuid(),
  certificateId: z.uuid(),
  year: z.number().int(),
  revenue: z.number().int(),
  exportRevenue: z.number().int().nullable(),
  workers: z.number().int(),
  outputQuantity: z.number().nullable(),
  outputUnit: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: ZInstant,
  updatedAt: ZInstant,
});
export type TCertificateReport = z.infer<typeof ZCertificateReport>;

export const ZCertificateDetail = ZCertificate.extend({ reports: z.array(ZCertificateReport) });
export type TCertificateDetail = z.infer<typeof ZCertificateDetail>;

/** One refused cell of an import: the sheet row (1-based, as Excel shows it) and column letter. */
export const ZImportError = z.object({
  path: z.string(),
  row: z.number().int(),
  column: z.string(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const ZImportResult = z.object({
  /** True when the file was written; false when it had errors (nothing is written then). */
  imported: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(ZImportError),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** `422 import_rejected`: the problem+json of a refused import, with every refused cell. */
export const ZImportRejected = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(422),
  code: z.literal('import_rejected'),
  detail: z.string(),
  imported: z.literal(false),
  rows: z.number().int(),
  created: z.literal(0),
  errors: z.array(ZImportError),
  requestId: z.string(),
});
