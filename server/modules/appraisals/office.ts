import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Word building blocks of the appraisal minutes and the plan's decision annex: Times New Roman 13 pt
 * (Decree 30/2020/NĐ-CP), the two-column heading of administrative documents, plain bordered tables.
 */
export const FONT = 'Times New Roman';
export const SIZE = 26;
export const SMALL = 22;

export const run = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? SIZE, ...options });

export const centered = (runs: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: runs });

export const line = (runs: TextRun[], after = 80) => new Paragraph({ spacing: { after }, children: runs });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** Issuer left, national motto right. */
export function heading(issuer = 'CỤC ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI XANH VÀ KHUYẾN CÔNG'): Table {
  const cell = (lines: TextRun[][]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map((r) => centered(r)),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([[run('BỘ CÔNG THƯƠNG', { size: SMALL })], [run(issuer, { bold: true, size: SMALL })]]),
          cell([
            [run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL })],
            [run('Độc lập - Tự do - Hạnh phúc', { bold: true })],
          ]),
        ],
      }),
    ],
  });
}

/** A bordered table: header row shaded, cells as text; `right` marks right-aligned (money) columns. */
export function table(
  header: string[],
  rows: string[][],
  widths: number[],
  options: { right?: number[]; boldLast?: boolean } = {},
): Table {
  const cell = (value: string, i: number, bold: boolean, shade: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      ...(shade ? { shading: { fill: 'EDEDED' } } : {}),
      children: [
        new Paragraph({
          alignment: shade
            ? AlignmentType.CENTER
            : options.right?.includes(i)
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [run(value, { bold, size: SMALL })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true, true)) }),
      ...rows.map(
        (r, index) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) =>
              cell(v, i, options.boldLast === true && index === rows.length - 1, false),
            ),
          }),
      ),
    ],
  });
}
