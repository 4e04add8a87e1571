import { PassThrough } from 'node:stream';
import { Document, Packer, PageOrientation, type Paragraph, type Table } from 'docx';
import { ACTIVITY_TYPE_DEFINITIONS } from '../../../domain/enums/activity-types';
import { formatDateVi } from '../../../domain/lib/dates';
import { formatVnd } from '../../../domain/lib/money';
import type { TPlan } from '../../../domain/schemas/plans';
import { createSheetWriter, defineLayout } from '../../platform/spreadsheet';
import { centered, heading, line, run, SMALL, table } from '../appraisals';

/** The plan table (bảng tổng hợp kế hoạch): one row per proposal in the plan, totals by formula. */
export const PLAN_LAYOUT = defineLayout({
  sheetName: 'Kế hoạch',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20 },
    { key: 'title', header: 'Tên đề án', type: 'text', width: 50, wrap: true },
    { key: 'province', header: 'Tỉnh, thành phố', type: 'text', width: 18 },
    { key: 'organization', header: 'Đơn vị thực hiện', type: 'text', width: 36, wrap: true },
    { key: 'activity', header: 'Nội dung hoạt động', type: 'text', width: 30, wrap: true },
    { key: 'requested', header: 'Kinh phí đề nghị', unit: 'đồng', type: 'money', width: 18, total: true },
    { key: 'approved', header: 'Kinh phí phê duyệt', unit: 'đồng', type: 'money', width: 18, total: true },
  ],
});

const activityName = (code: string) =>
  ACTIVITY_TYPE_DEFINITIONS[code as keyof typeof ACTIVITY_TYPE_DEFINITIONS]?.nameVi ?? code;

function subtitle(plan: TPlan): string {
  if (plan.status === 'approved' && plan.approved) {
    return `(Kèm theo Quyết định số ${plan.approved.decisionNumber} ngày ${formatDateVi(plan.approved.decisionDate)}, phiên bản ${plan.version})`;
  }
  return `(Dự thảo phiên bản ${plan.version}, chưa phê duyệt)`;
}

/** Who issues the plan and what it is called: the Ministry's national plan, or a province's local one (KCĐP). */
function issuerOf(plan: TPlan) {
  if (plan.programme !== 'local') {
    return { issuer: 'BỘ CÔNG THƯƠNG', signer: 'BỘ TRƯỞNG BỘ CÔNG THƯƠNG', name: 'KHUYẾN CÔNG QUỐC GIA' };
  }
  const province = plan.byProvince[0]?.provinceName ?? `tỉnh (mã ${plan.provinceCode})`;
  return {
    issuer: `UBND ${province}`.toUpperCase(),
    signer: `CHỦ TỊCH UBND ${province}`.toUpperCase(),
    name: `KHUYẾN CÔNG ĐỊA PHƯƠNG ${province}`.toUpperCase(),
  };
}

/** The plan table as .xlsx through the layout-driven writer (VND `#,##0`, totals row with SUM formulas). */
export async function planXlsx(plan: TPlan): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const writer = createSheetWriter(PLAN_LAYOUT, stream, {
    titleRows: [
      [issuerOf(plan).issuer, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      `DANH MỤC ĐỀ ÁN KẾ HOẠCH ${issuerOf(plan).name} NĂM ${plan.planYear}`,
      subtitle(plan),
    ],
    footerRows: [
      `Tổng kinh phí được giao: ${formatVnd(plan.budgetEnvelope)}; còn lại: ${formatVnd(plan.headroom)}.`,
      ...(plan.scoped ? ['Chỉ gồm các đề án thuộc phạm vi của người xuất.'] : []),
    ],
    creator: 'Hệ thống quản lý khuyến công',
  });
  for (const item of plan.items.filter((i) => i.inPlan)) {
    await writer.addRow({
      code: item.code,
      title: item.title,
      province: item.provinceName,
      organization: item.organizationName,
      activity: activityName(item.activityType),
      requested: item.requestedFunding,
      approved: item.approvedFunding,
    });
  }
  await writer.finish();
  await done;
  return Buffer.concat(chunks);
}

/** The decision annex (phụ lục kèm theo quyết định) as .docx: the plan's items and their total. */
export async function planAnnexDocx(plan: TPlan): Promise<Buffer> {
  const items = plan.items.filter((i) => i.inPlan);
  const rows = items.map((i, index) => [
    String(index + 1),
    i.code,
    i.title,
    i.organizationName,
    i.provinceName,
    formatVnd(i.approvedFunding, { symbol: false }),
  ]);
  rows.push(['', '', 'Tổng cộng', '', '', formatVnd(plan.totals.approvedFunding, { symbol: false })]);
  const children: (Paragraph | Table)[] = [
    heading(issuerOf(plan).signer),
    centered([run('')]),
    centered([run('PHỤ LỤC', { bold: true })]),
    centered(
      [run(`DANH MỤC ĐỀ ÁN THUỘC KẾ HOẠCH ${issuerOf(plan).name} NĂM ${plan.planYear}`, { bold: true })],
      40,
    ),
    centered([run(subtitle(plan), { italics: true })], 200),
    table(
      ['STT', 'Mã đề án', 'Tên đề án', 'Đơn vị thực hiện', 'Tỉnh, thành phố', 'Kinh phí (đồng)'],
      rows,
      [5, 15, 35, 20, 12, 13],
      { right: [5], boldLast: true },
    ),
    line([run('')]),
    line([
      run(
        `Số đề án: ${items.length}. Tổng kinh phí hỗ trợ: ${formatVnd(plan.totals.approvedFunding)} trên tổng kinh phí được giao ${formatVnd(plan.budgetEnvelope)}.`,
        { size: SMALL },
      ),
    ]),
  ];
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Phụ lục kế hoạch ${issuerOf(plan).name.toLowerCase()} năm ${plan.planYear}`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
