import { PassThrough } from 'node:stream';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDateVi } from '../../../domain/lib/dates';
import { formatVnd } from '../../../domain/lib/money';
import { ADJUSTMENT_KIND_LABELS, AUTHORITY_LABELS } from '../../../domain/regulation';
import type { TProgrammeSummary, TProvinceReport } from '../../../domain/schemas/reports';
import { PROPOSAL_STATUS_LABELS } from '../../../domain/workflow/proposal';
import { createSheetWriter, createWorkbookWriter, defineLayout } from '../../platform/spreadsheet';
import { centered, FONT, line, run, SIZE, SMALL, table } from '../appraisals';

/**
 * The two presenters of the periodic report (`buildProvinceReport` computes it once): the workbook
 * (five sheets through the layout-driven writer: money `#,##0`, totals by formula) and the Word report
 * in the layout of an administrative report (Decree 30/2020/NĐ-CP): issuing body and national motto,
 * number placeholder, place and date, "Kính gửi", sections I–V, signature block.
 */

export const PROGRAMME_LABELS = {
  national: { vi: 'Khuyến công quốc gia (KCQG)', en: 'National (KCQG)' },
  local: { vi: 'Khuyến công địa phương (KCĐP)', en: 'Local (KCĐP)' },
} as const;

const ADJUSTMENT_STATUS_VI = {
  requested: 'Chờ quyết định',
  approved: 'Đã chấp thuận',
  rejected: 'Không chấp thuận',
};

/** "Lào Cai, ngày 05 tháng 07 năm 2026". */
export function placeAndDateVi(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export const reportTitle = (r: TProvinceReport) =>
  `Tình hình thực hiện các đề án khuyến công ${r.periodText} trên địa bàn ${r.provinceName}`;

/** The indicator rows of the summary, one value per programme. */
export function summaryIndicators(
  r: TProvinceReport,
): { label: string; unit: string; values: [number, number]; money: boolean }[] {
  const [n, l] = [
    r.programmes.find((p) => p.programme === 'national')!,
    r.programmes.find((p) => p.programme === 'local')!,
  ];
  const pair = (f: (p: TProgrammeSummary) => number): [number, number] => [f(n), f(l)];
  return [
    { label: 'Số đề án', unit: 'đề án', values: pair((p) => p.projects), money: false },
    ...n.byStatus.map((s, i) => ({
      label: `- ${PROPOSAL_STATUS_LABELS[s.status].vi}`,
      unit: 'đề án',
      values: [s.count, l.byStatus[i]!.count] as [number, number],
      money: false,
    })),
    {
      label: 'Kinh phí hỗ trợ được duyệt',
      unit: 'đồng',
      values: pair((p) => p.approvedSupport),
      money: true,
    },
    { label: 'Giá trị hợp đồng đã ký', unit: 'đồng', values: pair((p) => p.contractedValue), money: true },
    { label: 'Kinh phí đã tạm ứng', unit: 'đồng', values: pair((p) => p.advanced), money: true },
    {
      label: 'Kinh phí đã giải ngân (theo báo cáo tiến độ)',
      unit: 'đồng',
      values: pair((p) => p.spent),
      money: true,
    },
    { label: 'Số đề án đã nghiệm thu', unit: 'đề án', values: pair((p) => p.acceptedProjects), money: false },
    {
      label: 'Kinh phí hỗ trợ của đề án đã nghiệm thu',
      unit: 'đồng',
      values: pair((p) => p.acceptedSupport),
      money: true,
    },
    { label: 'Kinh phí đã quyết toán', unit: 'đồng', values: pair((p) => p.settled), money: true },
    { label: 'Kinh phí thu hồi, nộp trả', unit: 'đồng', values: pair((p) => p.refunded), money: true },
  ];
}

export const SUMMARY_LAYOUT = defineLayout({
  sheetName: 'Tổng hợp',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'indicator', header: 'Chỉ tiêu', type: 'text', width: 48, wrap: true },
    { key: 'unit', header: 'Đơn vị tính', type: 'text', width: 12 },
    { key: 'national', header: 'KCQG', type: 'money', width: 20 },
    { key: 'local', header: 'KCĐP', type: 'money', width: 20 },
    { key: 'total', header: 'Tổng cộng', type: 'money', width: 20 },
  ],
});

export const PROJECTS_LAYOUT = defineLayout({
  sheetName: 'Đề án',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20 },
    { key: 'title', header: 'Tên đề án', type: 'text', width: 40, wrap: true },
    { key: 'programme', header: 'Chương trình', type: 'text', width: 10 },
    { key: 'organization', header: 'Đơn vị thực hiện', type: 'text', width: 30, wrap: true },
    { key: 'status', header: 'Tình trạng', type: 'text', width: 16 },
    {
      key: 'approved',
      header: 'Kinh phí hỗ trợ được duyệt',
      unit: 'đồng',
      type: 'money',
      width: 18,
      total: true,
    },
    { key: 'contracted', header: 'Giá trị hợp đồng', unit: 'đồng', type: 'money', width: 18, total: true },
    { key: 'advanced', header: 'Đã tạm ứng', unit: 'đồng', type: 'money', width: 18, total: true },
    { key: 'spent', header: 'Đã giải ngân', unit: 'đồng', type: 'money', width: 18, total: true },
    { key: 'volume', header: 'Khối lượng thực hiện', unit: '%', type: 'int', width: 12 },
    { key: 'problems', header: 'Khó khăn, vướng mắc', type: 'text', width: 36, wrap: true },
  ],
});

export const INSPECTIONS_LAYOUT = defineLayout({
  sheetName: 'Kiểm tra',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20 },
    { key: 'title', header: 'Tên đề án', type: 'text', width: 40, wrap: true },
    { key: 'plannedOn', header: 'Ngày dự kiến', type: 'date', width: 14 },
    { key: 'doneOn', header: 'Ngày kiểm tra', type: 'date', width: 14 },
    { key: 'findings', header: 'Kết quả kiểm tra', type: 'text', width: 40, wrap: true },
    { key: 'followUps', header: 'Kiến nghị, yêu cầu khắc phục', type: 'text', width: 40, wrap: true },
  ],
});

export const OVERDUE_LAYOUT = defineLayout({
  sheetName: 'Chậm báo cáo',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20 },
    { key: 'title', header: 'Tên đề án', type: 'text', width: 40, wrap: true },
    { key: 'month', header: 'Tháng báo cáo', type: 'text', width: 14 },
    { key: 'dueDate', header: 'Hạn nộp', type: 'date', width: 14 },
    { key: 'submitted', header: 'Ngày nộp', type: 'text', width: 24 },
  ],
});

export const ADJUSTMENTS_LAYOUT = defineLayout({
  sheetName: 'Điều chỉnh',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20 },
    { key: 'title', header: 'Tên đề án', type: 'text', width: 36, wrap: true },
    { key: 'kind', header: 'Nội dung điều chỉnh', type: 'text', width: 26, wrap: true },
    { key: 'reason', header: 'Lý do', type: 'text', width: 30, wrap: true },
    { key: 'authority', header: 'Thẩm quyền quyết định', type: 'text', width: 22, wrap: true },
    { key: 'requestedOn', header: 'Ngày đề nghị', type: 'date', width: 14 },
    { key: 'status', header: 'Kết quả', type: 'text', width: 16 },
    { key: 'decidedOn', header: 'Ngày quyết định', type: 'date', width: 14 },
    { key: 'decisionNumber', header: 'Số quyết định', type: 'text', width: 18 },
  ],
});

const followUpsText = (f: { action: string; dueOn?: string }[]) =>
  f.map((x) => `${x.action}${x.dueOn ? ` (hạn ${formatDateVi(x.dueOn)})` : ''}`).join('; ');
const submittedText = (s: string | null) => (s ? `Nộp muộn ngày ${formatDateVi(s)}` : 'Chưa nộp');

/** The report as .xlsx: five sheets, the first under the official heading. */
export async function provinceReportXlsx(r: TProvinceReport): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = createWorkbookWriter(stream, 'Hệ thống quản lý khuyến công');
  const sub = (title: string) => [title, `(${reportTitle(r)})`] as const;

  const summary = createSheetWriter(SUMMARY_LAYOUT, stream, {
    workbook,
    titleRows: [
      [r.issuer.committee, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [r.issuer.department, 'Độc lập - Tự do - Hạnh phúc'],
      ['Số: ……/BC-SCT', placeAndDateVi(r.issuer.place, r.reportDate)],
      'BÁO CÁO',
      reportTitle(r),
      `Kính gửi: ${r.recipients.join('; ')}`,
    ],
    boldTitleRows: [1, 3, 4],
    footerRows: [
      `Số liệu tính đến hết ngày ${formatDateVi(r.endDate)} (giờ Việt Nam).`,
      'Chi tiết từng đề án, kết quả kiểm tra, báo cáo tháng chậm nộp và điều chỉnh tại các trang kèm theo.',
    ],
    totals: false,
  });
  for (const i of summaryIndicators(r)) {
    await summary.addRow({
      indicator: i.label,
      unit: i.unit,
      national: i.values[0],
      local: i.values[1],
      total: i.values[0] + i.values[1],
    });
  }
  await summary.finish();

  const projects = createSheetWriter(PROJECTS_LAYOUT, stream, {
    workbook,
    titleRows: sub('DANH MỤC ĐỀ ÁN VÀ TÌNH HÌNH THỰC HIỆN'),
  });
  for (const p of r.projects) {
    await projects.addRow({
      code: p.code,
      title: p.title,
      programme: p.programme === 'local' ? 'KCĐP' : 'KCQG',
      organization: p.implementingOrganizationName,
      status: PROPOSAL_STATUS_LABELS[p.status].vi,
      approved: p.approvedSupport,
      contracted: p.contractedValue,
      advanced: p.advanced,
      spent: p.spent,
      volume: p.volumePercent,
      problems: p.problems,
    });
  }
  await projects.finish();

  const inspections = createSheetWriter(INSPECTIONS_LAYOUT, stream, {
    workbook,
    titleRows: sub('KẾT QUẢ KIỂM TRA TRONG KỲ'),
  });
  for (const i of r.inspections) {
    await inspections.addRow({ ...i, followUps: followUpsText(i.followUps) });
  }
  await inspections.finish();

  const overdue = createSheetWriter(OVERDUE_LAYOUT, stream, {
    workbook,
    titleRows: sub('BÁO CÁO TIẾN ĐỘ THÁNG CHẬM NỘP'),
  });
  for (const o of r.overdueReports) {
    await overdue.addRow({
      code: o.code,
      title: o.title,
      month: `${o.month.slice(5)}/${o.month.slice(0, 4)}`,
      dueDate: o.dueDate,
      submitted: submittedText(o.submittedOn),
    });
  }
  await overdue.finish();

  const adjustments = createSheetWriter(ADJUSTMENTS_LAYOUT, stream, {
    workbook,
    titleRows: sub('ĐIỀU CHỈNH, BỔ SUNG, DỪNG THỰC HIỆN TRONG KỲ'),
  });
  for (const a of r.adjustments) {
    await adjustments.addRow({
      code: a.code,
      title: a.title,
      kind: ADJUSTMENT_KIND_LABELS[a.kind].vi,
      reason: a.reason,
      authority: AUTHORITY_LABELS[a.requiredAuthority].vi,
      requestedOn: a.requestedOn,
      status: ADJUSTMENT_STATUS_VI[a.status],
      decidedOn: a.decidedOn,
      decisionNumber: a.decisionNumber,
    });
  }
  await adjustments.finish();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

const money = (n: number) => formatVnd(n);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Issuing body (UBND TỈNH … / SỞ CÔNG THƯƠNG …, number) left; national motto, place and date right. */
function officialHeading(r: TProvinceReport): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered([run(r.issuer.committee, { size: SMALL + 2 })]),
              centered([run(r.issuer.department, { bold: true, size: SMALL + 2 })], 120),
              centered([run('Số: ……/BC-SCT', { size: SMALL + 2 })]),
            ],
            42,
          ),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL + 2 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], 120),
              centered([run(placeAndDateVi(r.issuer.place, r.reportDate), { italics: true })]),
            ],
            58,
          ),
        ],
      }),
    ],
  });
}
const para = (text: string, options: { bold?: boolean; italics?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: [new TextRun({ text, font: FONT, size: SIZE, bold: options.bold, italics: options.italics })],
  });

/** The report as .docx (A4 landscape: the project table is wide). */
export async function provinceReportDocx(r: TProvinceReport): Promise<Buffer> {
  const indicators = summaryIndicators(r);
  const children: (Paragraph | Table)[] = [
    officialHeading(r),
    line([run('')]),
    centered([run('BÁO CÁO', { bold: true })], 0),
    centered([run(reportTitle(r), { bold: true })], 200),
    centered([run('Kính gửi:', { bold: false })], 0),
    ...r.recipients.map((x) => centered([run(`- ${x};`)], 0)),
    line([run('')]),
    para(
      `Thực hiện Thông tư số 36/2013/TT-BCT ngày 27/12/2013 của Bộ trưởng Bộ Công Thương (được sửa đổi, bổ sung bởi Thông tư số 17/2018/TT-BCT), Sở Công Thương ${r.provinceName} báo cáo tình hình thực hiện các đề án khuyến công ${r.periodText} (số liệu tính đến hết ngày ${formatDateVi(r.endDate)}) như sau:`,
      { indent: true },
    ),
    para('I. KẾT QUẢ CHUNG', { bold: true }),
    table(
      ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'KCQG', 'KCĐP', 'Tổng cộng'],
      indicators.map((i, n) => {
        const f = (v: number) => (i.money ? money(v) : String(v));
        return [String(n + 1), i.label, i.unit, f(i.values[0]), f(i.values[1]), f(i.values[0] + i.values[1])];
      }),
      [6, 40, 10, 15, 14, 15],
      { right: [3, 4, 5] },
    ),
    para('II. TÌNH HÌNH THỰC HIỆN TỪNG ĐỀ ÁN', { bold: true }),
  ];
  const totals = r.projects.reduce(
    (t, p) => ({
      a: t.a + p.approvedSupport,
      c: t.c + p.contractedValue,
      d: t.d + p.advanced,
      s: t.s + p.spent,
    }),
    { a: 0, c: 0, d: 0, s: 0 },
  );
  children.push(
    table(
      [
        'STT',
        'Mã đề án',
        'Tên đề án',
        'Đơn vị thực hiện',
        'Tình trạng',
        'Kinh phí được duyệt',
        'Hợp đồng',
        'Đã tạm ứng',
        'Đã giải ngân',
        'Khối lượng (%)',
        'Khó khăn, vướng mắc',
      ],
      [
        ...r.projects.map((p, n) => [
          String(n + 1),
          p.code,
          p.title,
          p.implementingOrganizationName,
          PROPOSAL_STATUS_LABELS[p.status].vi,
          money(p.approvedSupport),
          money(p.contractedValue),
          money(p.advanced),
          money(p.spent),
          p.volumePercent === null ? '' : String(p.volumePercent),
          p.problems ?? '',
        ]),
        [
          '',
          '',
          'Tổng cộng',
          '',
          '',
          money(totals.a),
          money(totals.c),
          money(totals.d),
          money(totals.s),
          '',
          '',
        ],
      ],
      [4, 10, 16, 12, 8, 10, 10, 9, 9, 5, 7],
      { right: [5, 6, 7, 8, 9], boldLast: true },
    ),
    para('III. CÔNG TÁC KIỂM TRA', { bold: true }),
  );
  if (r.inspections.length === 0)
    children.push(para('Trong kỳ không có cuộc kiểm tra nào.', { indent: true }));
  else
    children.push(
      table(
        ['STT', 'Mã đề án', 'Tên đề án', 'Ngày kiểm tra', 'Kết quả kiểm tra', 'Kiến nghị, yêu cầu khắc phục'],
        r.inspections.map((i, n) => [
          String(n + 1),
          i.code,
          i.title,
          formatDateVi(i.doneOn),
          i.findings ?? '',
          followUpsText(i.followUps),
        ]),
        [5, 13, 22, 10, 25, 25],
      ),
    );
  children.push(para('IV. BÁO CÁO TIẾN ĐỘ THÁNG CHẬM NỘP', { bold: true }));
  if (r.overdueReports.length === 0)
    children.push(para('Không có đề án chậm nộp báo cáo tháng.', { indent: true }));
  else
    children.push(
      table(
        ['STT', 'Mã đề án', 'Tên đề án', 'Tháng', 'Hạn nộp', 'Ngày nộp'],
        r.overdueReports.map((o, n) => [
          String(n + 1),
          o.code,
          o.title,
          `${o.month.slice(5)}/${o.month.slice(0, 4)}`,
          formatDateVi(o.dueDate),
          submittedText(o.submittedOn),
        ]),
        [5, 15, 35, 10, 15, 20],
      ),
    );
  children.push(para('V. ĐIỀU CHỈNH, BỔ SUNG, DỪNG THỰC HIỆN', { bold: true }));
  if (r.adjustments.length === 0)
    children.push(para('Trong kỳ không có đề nghị điều chỉnh.', { indent: true }));
  else
    children.push(
      table(
        ['STT', 'Mã đề án', 'Nội dung', 'Lý do', 'Thẩm quyền', 'Ngày đề nghị', 'Kết quả', 'Quyết định'],
        r.adjustments.map((a, n) => [
          String(n + 1),
          a.code,
          ADJUSTMENT_KIND_LABELS[a.kind].vi,
          a.reason,
          AUTHORITY_LABELS[a.requiredAuthority].vi,
          formatDateVi(a.requestedOn),
          ADJUSTMENT_STATUS_VI[a.status],
          a.decidedOn ? `${a.decisionNumber ?? ''} ngày ${formatDateVi(a.decidedOn)}` : '',
        ]),
        [5, 13, 15, 20, 12, 10, 10, 15],
      ),
    );
  children.push(
    para('VI. KIẾN NGHỊ, ĐỀ XUẤT', { bold: true }),
    para('……………………………………………………………………………………', { indent: true }),
    line([run('')]),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: 'GIÁM ĐỐC', font: FONT, size: SIZE, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      children: [
        new TextRun({ text: 'Nơi nhận:', font: FONT, size: SMALL, bold: true, italics: true }),
        ...[...r.recipients, 'Lưu: VT.'].map(
          (x) => new TextRun({ text: `- ${x};`, font: FONT, size: SMALL - 2, break: 1 }),
        ),
      ],
    }),
  );
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Báo cáo ${r.periodText} - ${r.issuer.department}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(doc);
}
