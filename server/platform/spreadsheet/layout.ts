/**
 * Layout-driven spreadsheets: ONE description of a table (its sheet, its columns with Vietnamese
 * headers, units, types and widths) drives both the streaming writer (`writer.ts`) and the validating
 * reader (`reader.ts`), so an exported file always imports back.
 *
 * How to use it:
 *
 * ```ts
 * const LAYOUT = defineLayout({
 *   sheetName: 'Danh sách',
 *   columns: [
 *     { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
 *     { key: 'name', header: 'Tên sản phẩm', type: 'text', width: 40, required: true, maxLength: 300 },
 *     { key: 'amount', header: 'Kinh phí', unit: 'đồng', type: 'money', width: 16, total: true },
 *     { key: 'kind', header: 'Loại', type: 'enum', width: 12,
 *       options: [{ value: 'a', label: 'Loại A' }], errorCode: 'unknown_kind' },
 *   ],
 * });
 * // export: streamed, bounded memory
 * const writer = createSheetWriter(LAYOUT, stream, { titleRows: ['BỘ CÔNG THƯƠNG', 'DANH SÁCH …'] });
 * for await (const row of cursor) await writer.addRow({ name: row.name, amount: row.amount, kind: row.kind });
 * await writer.finish();
 * // import: file-level problems throw AppError (payload_too_large, unsupported_file_type,
 * // spreadsheet_empty, spreadsheet_wrong_sheet, spreadsheet_bad_headers); cell problems are listed.
 * const { rows, errors } = await readSheet(LAYOUT, filePath, { maxBytes: 10 * 1024 * 1024 });
 * ```
 *
 * Extend, don't break: add optional properties; keep the existing ones' meaning.
 */

export type TColumnType = 'money' | 'int' | 'text' | 'date' | 'bool' | 'enum';

/** A value of an enum column: stored `value`, shown `label` (Vietnamese); `aliases` also accepted on import. */
export type TEnumOption = { value: string; label: string; aliases?: readonly string[] };

export type TSheetColumn = {
  /** The key of the value in a row object (not shown in the file). */
  key: string;
  /** The Vietnamese header, as officials write it (e.g. "Tổng kinh phí"). */
  header: string;
  /** The unit, shown after the header in parentheses ("đồng", "tháng"). */
  unit?: string;
  type: TColumnType;
  /** Width in characters. */
  width?: number;
  required?: boolean;
  /** Text columns: the longest accepted value. */
  maxLength?: number;
  /** Enum columns: the accepted values. */
  options?: readonly TEnumOption[];
  /** The error code given when an enum value is unknown (default `invalid_enum`). */
  errorCode?: string;
  /** Money and int columns: the totals row sums this column with a formula. */
  total?: boolean;
  /** `sequence`: the STT column, filled 1, 2, 3… by the writer and ignored by the reader. */
  role?: 'sequence';
  /** Wrap long text in the cell. */
  wrap?: boolean;
};

export type TSheetLayout = {
  /** The sheet's name (at most 31 characters); the reader refuses a file without it. */
  sheetName: string;
  columns: readonly TSheetColumn[];
  /** A row "(1) (2) (3)…" under the headers, as in official tables (default true). */
  numberRow?: boolean;
  /** The label of the totals row (default "Tổng cộng"). */
  totalLabel?: string;
};

export type TCellValue = string | number | boolean | null;
export type TRowValues = Record<string, TCellValue | undefined>;

export function defineLayout<const L extends TSheetLayout>(layout: L): L {
  if (layout.sheetName.length > 31) throw new Error('sheet names have at most 31 characters');
  const keys = new Set<string>();
  for (const column of layout.columns) {
    if (keys.has(column.key)) throw new Error(`duplicate column key ${column.key}`);
    keys.add(column.key);
    if (column.type === 'enum' && !column.options?.length)
      throw new Error(`${column.key}: enum without options`);
  }
  return layout;
}

/** "Tổng kinh phí (đồng)": what the header cell holds. */
export function headerText(column: TSheetColumn): string {
  return column.unit ? `${column.header} (${column.unit})` : column.header;
}

/** 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const DEFAULT_TOTAL_LABEL = 'Tổng cộng';
