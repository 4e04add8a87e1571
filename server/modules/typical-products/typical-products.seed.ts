import { vnDateOf } from '../../../domain/lib/dates';
import type { TCreateCertificateRequest, TPutReportRequest } from '../../../domain/schemas/typical-products';
import { systemActor } from '../../access/actor';
import type { TAppContext } from '../../platform/context';
import { createCertificate } from './create-certificate';
import { loadProvinces } from './provinces';
import { recordReport } from './record-report';
import { findByNumber } from './typical-products.repository';

type TDemoCertificate = TCreateCertificateRequest & { reports?: (TPutReportRequest & { year: number })[] };

const CUC = 'Bộ Công Thương';

/**
 * Demo certificates (`khuyencong seed --demo`): national, regional and provincial ones in Lào Cai, Bắc
 * Ninh, Hà Nội and Cần Thơ, some issued before the 2025 reform under the province codes of the time (old
 * Lào Cai 10, old Bắc Giang 24, old Bắc Ninh 27), one expired; with holders' yearly reports.
 */
export const DEMO_CERTIFICATES: readonly TDemoCertificate[] = [
  {
    productName: 'Chè Shan tuyết cổ thụ Suối Giàng',
    productGroup: 'food_processing',
    establishmentName: 'Hợp tác xã Chè Suối Giàng',
    establishmentTaxCode: '5200891234',
    provinceCode: '15',
    commune: 'Xã Suối Giàng',
    level: 'national',
    selectionRound: 'Đợt 1',
    selectionYear: 2025,
    certificateNumber: '1025/QĐ-BCT',
    issueDate: '2025-11-20',
    validUntil: '2030-11-19',
    issuingBody: CUC,
    reports: [
      {
        year: 2025,
        revenue: 6_800_000_000,
        exportRevenue: 1_200_000_000,
        workers: 46,
        outputQuantity: 38,
        outputUnit: 'tấn',
      },
    ],
  },
  {
    productName: 'Khăn thổ cẩm dệt tay Sa Pa',
    productGroup: 'handicrafts',
    establishmentName: 'Cơ sở dệt thổ cẩm Tả Van',
    establishmentTaxCode: '5300712345',
    provinceCode: '10',
    commune: 'Xã Tả Van',
    level: 'regional',
    selectionRound: 'Khu vực phía Bắc',
    selectionYear: 2023,
    certificateNumber: '312/QĐ-CTĐP',
    issueDate: '2023-09-15',
    validUntil: '2026-09-14',
    issuingBody: 'Cục Công Thương địa phương',
    reports: [
      { year: 2023, revenue: 1_150_000_000, workers: 24 },
      { year: 2024, revenue: 1_420_000_000, workers: 27, outputQuantity: 5200, outputUnit: 'chiếc' },
    ],
  },
  {
    productName: 'Mỳ Chũ Nam Dương',
    productGroup: 'food_processing',
    establishmentName: 'Công ty TNHH Mỳ Chũ Nam Dương',
    establishmentTaxCode: '2400654321',
    provinceCode: '24',
    commune: 'Xã Nam Dương',
    level: 'provincial',
    selectionRound: null,
    selectionYear: 2022,
    certificateNumber: '88/QĐ-UBND',
    issueDate: '2022-10-03',
    validUntil: '2025-10-02',
    issuingBody: 'UBND tỉnh Bắc Giang',
  },
  {
    productName: 'Tranh gỗ sơn mài Đình Bảng',
    productGroup: 'handicrafts',
    establishmentName: 'Hợp tác xã Mỹ nghệ Đình Bảng',
    establishmentTaxCode: '2300456789',
    provinceCode: '27',
    level: 'national',
    selectionYear: 2024,
    certificateNumber: '2890/QĐ-BCT',
    issueDate: '2024-12-10',
    validUntil: '2029-12-09',
    issuingBody: CUC,
  },
  {
    productName: 'Máy tuốt lúa mini đa năng',
    productGroup: 'machinery_tools',
    establishmentName: 'Cơ khí Hồng Phát',
    establishmentTaxCode: '1800345678',
    provinceCode: '92',
    level: 'provincial',
    selectionYear: 2026,
    certificateNumber: '15/QĐ-UBND',
    issueDate: '2026-03-01',
    validUntil: '2029-02-28',
    issuingBody: 'UBND thành phố Cần Thơ',
  },
  {
    productName: 'Gốm Bát Tràng men lam',
    productGroup: 'handicrafts',
    establishmentName: 'Công ty CP Gốm Bát Tràng Xưa',
    establishmentTaxCode: '0101987654',
    provinceCode: '01',
    level: 'regional',
    selectionYear: 2025,
    certificateNumber: '402/QĐ-CTĐP',
    issueDate: '2025-08-22',
    validUntil: '2028-08-21',
    issuingBody: 'Cục Công Thương địa phương',
  },
];

/** Idempotent: certificates already in the registry (same issuing body and number) are left alone. */
export async function seedDemoCertificates(ctx: TAppContext, now: Date): Promise<{ certificates: number }> {
  const actor = systemActor('demo-seed');
  return ctx.database.db.transaction(async (tx) => {
    const provinces = await loadProvinces(tx);
    let created = 0;
    for (const { reports, ...data } of DEMO_CERTIFICATES) {
      // A demo on an earlier clock (tests) skips what is not issued yet; one already recorded is kept.
      if (data.issueDate > vnDateOf(now)) continue;
      if (await findByNumber(tx, data.issuingBody, data.certificateNumber)) continue;
      const id = await createCertificate({ actor, tx, now, provinces, data });
      for (const { year, ...report } of reports ?? []) {
        await recordReport({ actor, tx, now, certificateId: id, year, data: report });
      }
      created++;
    }
    return { certificates: created };
  });
}
