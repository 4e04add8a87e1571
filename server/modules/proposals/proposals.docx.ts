import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ACTIVITY_TYPE_DEFINITIONS, type TActivityType } from '../../../domain/enums/activity-types';
import { formatDateVi } from '../../../domain/lib/dates';
import { formatVnd, percentOf } from '../../../domain/lib/money';
import type { TProposal } from '../../../domain/schemas/proposals';

/**
 * Word documents of proposals, in the layout of Vietnamese administrative documents (Decree 30/2020:
 * Times New Roman 13 pt, the issuer / national-motto heading): the registration-report letter (công văn)
 * a Sở sends with its registration, and the project document outline of a proposal — the eight sections
 * of TT 36/2013 Art. 5 filled from its data, the rest left for the unit to write.
 */

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const SMALL = 22;

const run = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? SIZE, ...options });

const para = (
  runs: TextRun[],
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    after?: number;
    indent?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 80 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: runs,
  });

const centered = (runs: TextRun[], after = 0) => para(runs, { align: AlignmentType.CENTER, after });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** Vietnamese date line: "Lào Cai, ngày 05 tháng 06 năm 2026". */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

function heading(issuerLines: string[], numberLine: string | null, dateLine: string | null): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
  const [parent, ...own] = issuerLines;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(parent ? [centered([run(parent, { size: SMALL + 2 })])] : []),
              ...own.map((line) => centered([run(line, { bold: true, size: SMALL + 2 })])),
              ...(numberLine ? [centered([run(numberLine, { size: SMALL + 2 })], 0)] : []),
            ],
            42,
          ),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL + 2 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], 120),
              ...(dateLine ? [centered([run(dateLine, { italics: true })])] : []),
            ],
            58,
          ),
        ],
      }),
    ],
  });
}

function grid(header: string[], widths: number[], rows: string[][], rightAligned: number[] = []): Table {
  const cell = (value: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(head ? { shading: { fill: 'EDEDED' } } : {}),
      children: [
        new Paragraph({
          alignment: head
            ? AlignmentType.CENTER
            : rightAligned.includes(i)
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [run(value, { bold: head, size: SMALL })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

const money = (n: number) => formatVnd(n, { symbol: false });

export type TRegistrationLetter = {
  /** The province's People's Committee line above the Sở ("UBND TỈNH LÀO CAI"), if any. */
  parentLine: string | null;
  organizationName: string;
  place: string;
  letterNumber: string;
  letterDate: string;
  planYear: number;
  recipient: string;
  proposals: Array<{
    code: string;
    title: string;
    activityType: string;
    implementingOrganizationName: string;
    budgetTotal: number;
    budgetRequested: number;
  }>;
};

/** The registration-report letter (công văn đăng ký kế hoạch khuyến công quốc gia) of a Sở. */
export async function renderRegistrationLetterDocx(letter: TRegistrationLetter): Promise<Buffer> {
  const total = letter.proposals.reduce((n, p) => n + p.budgetTotal, 0);
  const requested = letter.proposals.reduce((n, p) => n + p.budgetRequested, 0);
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Công văn ${letter.letterNumber}`,
    description: `Đăng ký kế hoạch khuyến công quốc gia năm ${letter.planYear}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          heading(
            [
              ...(letter.parentLine ? [letter.parentLine] : []),
              letter.organizationName.toLocaleUpperCase('vi'),
            ],
            `Số: ${letter.letterNumber}`,
            placeAndDate(letter.place, letter.letterDate),
          ),
          para([run(`V/v đăng ký kế hoạch khuyến công quốc gia năm ${letter.planYear}`, { size: SMALL })], {
            align: AlignmentType.LEFT,
            after: 240,
          }),
          centered([run('Kính gửi: ', { bold: false }), run(letter.recipient, { bold: true })], 240),
          para(
            [
              run(
                `Thực hiện Thông tư số 36/2013/TT-BCT ngày 27/12/2013 của Bộ trưởng Bộ Công Thương quy định về việc xây dựng kế hoạch, tổ chức thực hiện và quản lý kinh phí khuyến công quốc gia, được sửa đổi, bổ sung bởi Thông tư số 17/2018/TT-BCT, ${letter.organizationName} tổng hợp và đăng ký kế hoạch khuyến công quốc gia năm ${letter.planYear} như sau:`,
              ),
            ],
            { indent: true },
          ),
          para(
            [
              run(
                `Tổng số đề án đăng ký: ${letter.proposals.length}; tổng kinh phí thực hiện: ${formatVnd(total)}; trong đó kinh phí khuyến công quốc gia đề nghị hỗ trợ: ${formatVnd(requested)}.`,
              ),
            ],
            { indent: true },
          ),
          para([run('Danh mục đề án đăng ký (chi tiết tại Biểu tổng hợp kèm theo):')], { indent: true }),
          grid(
            [
              'STT',
              'Mã đề án',
              'Tên đề án',
              'Nội dung hoạt động',
              'Đơn vị thực hiện',
              'Tổng kinh phí (đồng)',
              'KCQG hỗ trợ (đồng)',
            ],
            [6, 14, 24, 16, 16, 12, 12],
            [
              ...letter.proposals.map((p, i) => [
                String(i + 1),
                p.code,
                p.title,
                ACTIVITY_TYPE_DEFINITIONS[p.activityType as TActivityType]?.nameVi ?? p.activityType,
                p.implementingOrganizationName,
                money(p.budgetTotal),
                money(p.budgetRequested),
              ]),
              ['', '', 'Tổng cộng', '', '', money(total), money(requested)],
            ],
            [5, 6],
          ),
          para([], { after: 120 }),
          para(
            [
              run(
                `${letter.organizationName} kính đề nghị ${letter.recipient} xem xét, tổng hợp vào kế hoạch khuyến công quốc gia năm ${letter.planYear}./.`,
              ),
            ],
            { indent: true, after: 240 },
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    children: [
                      para([run('Nơi nhận:', { bold: true, italics: true, size: SMALL + 2 })], {
                        align: AlignmentType.LEFT,
                        after: 0,
                      }),
                      para([run('- Như trên;', { size: SMALL })], { align: AlignmentType.LEFT, after: 0 }),
                      para([run('- UBND tỉnh (để báo cáo);', { size: SMALL })], {
                        align: AlignmentType.LEFT,
                        after: 0,
                      }),
                      para([run('- Lưu: VT.', { size: SMALL })], { align: AlignmentType.LEFT, after: 0 }),
                    ],
                  }),
                  new TableCell({
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    children: [
                      centered([run('GIÁM ĐỐC', { bold: true })]),
                      centered([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: SMALL })]),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The eight sections of a KCQG project document (TT 36/2013 Art. 5; domain.md §4.1). */
export const OUTLINE_SECTIONS = [
  'Đơn vị thực hiện, đơn vị phối hợp, đơn vị thụ hưởng, địa điểm thực hiện',
  'Sự cần thiết và căn cứ thực hiện đề án',
  'Mục tiêu cụ thể',
  'Quy mô, điểm nổi bật của đề án',
  'Nội dung và tiến độ thực hiện',
  'Dự toán kinh phí',
  'Tổ chức thực hiện',
  'Hiệu quả kinh tế - xã hội - môi trường, tính bền vững và khả năng nhân rộng',
] as const;

const TO_WRITE = 'Đơn vị thực hiện trình bày nội dung này.';
const fieldLine = (label: string, value: string) =>
  para([run(`${label}: `, { bold: true }), run(value)], { align: AlignmentType.LEFT });
const placeholder = () => para([run(TO_WRITE, { italics: true })], { align: AlignmentType.LEFT });

/** The project document outline of a proposal, its eight sections filled from what the system holds. */
export async function renderProjectOutlineDocx(
  p: TProposal,
  extra: { coordinatingOrganizationName: string | null; provinceName: string | null },
): Promise<Buffer> {
  const activity = ACTIVITY_TYPE_DEFINITIONS[p.activityType as TActivityType];
  const kind =
    [p.isPilot ? 'Đề án điểm' : null, p.isGroupProject ? 'Đề án theo nhóm' : null]
      .filter(Boolean)
      .join(', ') || 'Đề án đơn lẻ';
  const section = (index: number) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [run(`${index + 1}. ${OUTLINE_SECTIONS[index]}`, { bold: true })],
    });
  const b = p.budget;
  const location = [p.location.address, p.location.commune, extra.provinceName].filter(Boolean).join(', ');
  const duration =
    p.startDate && p.endDate
      ? `Từ ${formatDateVi(p.startDate)} đến ${formatDateVi(p.endDate)}`
      : 'Chưa xác định';
  const fieldRows = Object.entries(p.fields ?? {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`);
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Đề cương đề án ${p.code}`,
    description: 'Đề cương đề án khuyến công quốc gia (Thông tư 36/2013/TT-BCT, Điều 5)',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          heading([p.implementingOrganizationName.toLocaleUpperCase('vi')], null, null),
          centered([], 240),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 80 },
            children: [run('ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA', { bold: true, size: 30 })],
          }),
          centered([run(p.title, { bold: true })], 80),
          centered([run(`Mã đề án: ${p.code} — Năm kế hoạch ${p.planYear}`, { italics: true })], 240),
          section(0),
          fieldLine('Đơn vị thực hiện', p.implementingOrganizationName),
          fieldLine('Đơn vị phối hợp', extra.coordinatingOrganizationName ?? 'Không có'),
          fieldLine(
            'Đơn vị thụ hưởng',
            p.beneficiary.name ??
              (p.isGroupProject
                ? 'Xác định khi lập phương án triển khai (đề án theo nhóm)'
                : 'Chưa xác định'),
          ),
          ...(p.beneficiary.address ? [fieldLine('Địa chỉ đơn vị thụ hưởng', p.beneficiary.address)] : []),
          fieldLine('Địa điểm thực hiện', location || 'Chưa xác định'),
          section(1),
          fieldLine(
            'Nội dung hoạt động',
            activity ? `${activity.nameVi} (${activity.decreeRef})` : p.activityType,
          ),
          fieldLine('Địa bàn ưu tiên', p.priorityArea ? 'Có' : 'Không'),
          fieldLine('Ngành nghề ưu tiên', p.priorityIndustry ? 'Có' : 'Không'),
          ...(p.orientations.length > 0
            ? [fieldLine('Định hướng của kỳ kế hoạch', p.orientations.join('; '))]
            : []),
          placeholder(),
          section(2),
          ...(p.outputs.length > 0
            ? p.outputs.map((o) =>
                para(
                  [
                    run(
                      `- ${o.name}${o.quantity != null ? `: ${o.quantity}${o.unit ? ` ${o.unit}` : ''}` : ''}`,
                    ),
                  ],
                  {
                    align: AlignmentType.LEFT,
                  },
                ),
              )
            : [placeholder()]),
          section(3),
          fieldLine('Loại đề án', kind),
          ...fieldRows.map((line) => para([run(`- ${line}`)], { align: AlignmentType.LEFT })),
          placeholder(),
          section(4),
          fieldLine('Thời gian thực hiện', duration),
          placeholder(),
          section(5),
          grid(
            ['Nguồn kinh phí', 'Số tiền (đồng)', 'Tỷ lệ (%)'],
            [50, 30, 20],
            [
              [
                'Kinh phí khuyến công quốc gia hỗ trợ',
                money(b.requested),
                percentOf(b.requested, b.total).toFixed(2),
              ],
              [
                'Vốn đối ứng của đơn vị thụ hưởng',
                money(b.counterpart),
                percentOf(b.counterpart, b.total).toFixed(2),
              ],
              ['Nguồn khác', money(b.other), percentOf(b.other, b.total).toFixed(2)],
              ['Tổng kinh phí', money(b.total), b.total > 0 ? '100.00' : '0.00'],
            ],
            [1, 2],
          ),
          para(
            [
              run('Dự toán chi tiết theo Mẫu số 1, Phụ lục 1 Thông tư 36/2013/TT-BCT.', {
                italics: true,
                size: SMALL,
              }),
            ],
            {
              align: AlignmentType.LEFT,
            },
          ),
          section(6),
          fieldLine(
            'Phương thức lựa chọn đơn vị thực hiện',
            p.selectionMethod === 'bidding'
              ? 'Đấu thầu'
              : p.selectionMethod === 'selection'
                ? 'Xét chọn'
                : 'Chưa xác định',
          ),
          placeholder(),
          section(7),
          placeholder(),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
