import {
  AlignmentType,
  BorderStyle,
  Document,
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
import { formatBytes } from '../../../domain/lib/bytes';
import { formatInstantVi } from '../../../domain/lib/dates';
import type { TReceipt } from '../../../domain/schemas/documents';
import { PROPOSAL_STATUS_LABELS, type TProposalStatus } from '../../../domain/workflow/proposal';

/** Decree 30/2020/NĐ-CP: official documents are set in Times New Roman, 13–14 pt. */
const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const SMALL = 20;
const MONO = 'Courier New';

const text = (
  value: string,
  options: { bold?: boolean; italics?: boolean; size?: number; font?: string } = {},
) => new TextRun({ text: value, font: options.font ?? FONT, size: options.size ?? SIZE, ...options });

const centered = (runs: TextRun[], spacingAfter = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: runs });

const field = (label: string, value: string) =>
  new Paragraph({ spacing: { after: 80 }, children: [text(`${label}: `, { bold: true }), text(value)] });

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** The two-column heading of Vietnamese administrative documents: issuer left, national motto right. */
function heading(): Table {
  const cell = (lines: TextRun[][]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map((runs) => centered(runs)),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([
            [text('BỘ CÔNG THƯƠNG', { size: SMALL + 4 })],
            [text('HỆ THỐNG QUẢN LÝ KHUYẾN CÔNG QUỐC GIA', { bold: true, size: SMALL + 4 })],
          ]),
          cell([
            [text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL + 4 })],
            [text('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE })],
          ]),
        ],
      }),
    ],
  });
}

function documentsTable(receipt: TReceipt): Table {
  const header = ['STT', 'Loại tài liệu', 'Tên tệp', 'Dung lượng', 'Mã SHA-256', 'Thời điểm tải lên'];
  const widths = [6, 20, 20, 10, 28, 16];
  const cell = (children: Paragraph[], width: number, shade = false) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(shade ? { shading: { fill: 'EDEDED' } } : {}),
      children,
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: header.map((h, i) =>
        cell([centered([text(h, { bold: true, size: SMALL })])], widths[i] ?? 10, true),
      ),
    }),
    ...receipt.documents.map(
      (d, index) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([centered([text(String(index + 1), { size: SMALL })])], widths[0]!),
            cell(
              [
                new Paragraph({
                  children: [
                    text(d.kindLabel, { size: SMALL }),
                    ...(d.version > 1 ? [text(` (lần ${d.version})`, { size: SMALL, italics: true })] : []),
                  ],
                }),
              ],
              widths[1]!,
            ),
            cell([new Paragraph({ children: [text(d.fileName, { size: SMALL })] })], widths[2]!),
            cell(
              [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [text(formatBytes(d.size), { size: SMALL })],
                }),
              ],
              widths[3]!,
            ),
            cell(
              // Two lines of 32 hex characters: readable, and comparable by eye with the file's hash.
              [d.sha256.slice(0, 32), d.sha256.slice(32)].map(
                (part) => new Paragraph({ children: [text(part, { size: 16, font: MONO })] }),
              ),
              widths[4]!,
            ),
            cell([centered([text(formatInstantVi(d.uploadedAt), { size: SMALL })])], widths[5]!),
          ],
        }),
    ),
  ];
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, layout: TableLayoutType.FIXED, rows });
}

/**
 * The receipt as a Word file (landscape A4, Times New Roman): the proposal, the table of documents with
 * their SHA-256, and the server's time in Vietnam. The proposals module e-mails it on submission.
 */
export async function renderReceiptDocx(receipt: TReceipt): Promise<Buffer> {
  const p = receipt.proposal;
  const status = PROPOSAL_STATUS_LABELS[p.status as TProposalStatus]?.vi ?? p.status;
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Phiếu tiếp nhận hồ sơ ${p.code}`,
    description: 'Phiếu tiếp nhận hồ sơ đề án khuyến công',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          heading(),
          centered([], 240),
          centered([text('PHIẾU TIẾP NHẬN HỒ SƠ', { bold: true, size: 32 })], 80),
          centered([text('Hồ sơ đề án khuyến công quốc gia', { italics: true })], 240),
          field('Mã đề án', p.code),
          field('Tên đề án', p.title),
          field('Đơn vị thực hiện', p.implementingOrganizationName),
          field('Năm kế hoạch', String(p.planYear)),
          field('Trạng thái', status),
          ...(p.submittedAt
            ? [field('Thời điểm gửi hồ sơ', `${formatInstantVi(p.submittedAt)} (giờ Việt Nam)`)]
            : []),
          field(
            'Số tài liệu',
            `${receipt.documents.length} (tổng dung lượng ${formatBytes(receipt.totalSize)})`,
          ),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          documentsTable(receipt),
          new Paragraph({
            spacing: { before: 240, after: 80 },
            children: [
              text('Thời điểm lập phiếu (giờ máy chủ): ', { bold: true }),
              text(`${formatInstantVi(receipt.serverTime)} (giờ Việt Nam, UTC+7)`),
            ],
          }),
          new Paragraph({
            children: [
              text(
                'Mã SHA-256 là dấu vân tay của từng tệp: tệp nhận được chỉ đúng là tệp đã gửi khi mã SHA-256 của nó trùng với mã ghi trên phiếu này.',
                { italics: true, size: SMALL },
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
