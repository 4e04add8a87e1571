import { open, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { foldVietnamese } from '../../../domain/lib/text';
import { AppError, type TFieldError } from '../errors';
import { sniffFile } from '../uploads/sniff';
import { exceljs } from './exceljs';
import {
  columnLetter,
  DEFAULT_TOTAL_LABEL,
  headerText,
  type TRowValues,
  type TSheetColumn,
  type TSheetLayout,
} from './layout';
import { CELL_MESSAGES, cellError, sortCellErrors, type TCellError } from './messages';

/** 10 MB: a 50,000-row registration table is about 4 MB. */
export const DEFAULT_MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;
/** Rows past which a file is refused before any check (bounded work per request). */
export const DEFAULT_MAX_ROWS = 60_000;

export type TSheetRow = {
  /** The row number in the sheet (as Excel shows it). */
  row: number;
  values: TRowValues;
};

export type TReadResult = {
  rows: TSheetRow[];
  /** Cell errors in row then column order; rows with errors are still in `rows` (with the bad cells null). */
  errors: TCellError[];
  headerRow: number;
};

const fold = (text: string) => foldVietnamese(text).replace(/\s+/g, ' ').trim();

function problem(
  code: 'spreadsheet_empty' | 'spreadsheet_wrong_sheet' | 'spreadsheet_bad_headers' | 'unsupported_file_type',
  detail: { vi: string; en: string },
  errors?: TFieldError[],
): AppError {
  return new AppError(code, { detail, ...(errors ? { errors } : {}) });
}

/** The text of a cell as shown (rich text joined, hyperlinks' text, numbers as written). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    ('formula' in value || 'sharedFormula' in value)
  );
}

const isoOf = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** A money string as officials type it: 1.500.000 / 1,500,000 / 1 500 000 / 1500000. */
const MONEY_TEXT = /^(\d{1,3}([.,\s]\d{3})+|\d+)$/;

type TParsed = { ok: true; value: TRowValues[string] } | { ok: false; code: string };

/** Parses one cell by the column's type. Empty cells are `null`, `false` for bool (the caller checks `required`). */
export function parseCell(column: TSheetColumn, raw: ExcelJS.CellValue): TParsed {
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (blank) return { ok: true, value: column.type === 'bool' ? false : null };
  switch (column.type) {
    case 'money':
    case 'int': {
      const code = column.type === 'money' ? 'invalid_money' : 'invalid_int';
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && MONEY_TEXT.test(raw.trim())) n = Number(raw.replace(/[.,\s]/g, ''));
      else return { ok: false, code };
      if (!Number.isSafeInteger(n) || n < 0) return { ok: false, code };
      return { ok: true, value: n };
    }
    case 'date': {
      if (raw instanceof Date) {
        const iso = isoOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
        return iso ? { ok: true, value: iso } : { ok: false, code: 'invalid_date' };
      }
      const text = cellText(raw).trim();
      let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
      if (m) {
        const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
        return iso ? { ok: true, value: iso } : { ok: false, code: 'invalid_date' };
      }
      m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (m) {
        const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
        return iso ? { ok: true, value: iso } : { ok: false, code: 'invalid_date' };
      }
      return { ok: false, code: 'invalid_date' };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const text = fold(cellText(raw));
      if (['x', 'co', 'yes', '1', 'true'].includes(text)) return { ok: true, value: true };
      if (['', 'khong', 'no', '0', 'false'].includes(text)) return { ok: true, value: false };
      return { ok: false, code: 'invalid_bool' };
    }
    case 'enum': {
      const text = fold(cellText(raw));
      const option = column.options?.find(
        (o) =>
          fold(o.label) === text ||
          fold(o.value) === text ||
          (o.aliases ?? []).some((alias) => fold(alias) === text),
      );
      return option
        ? { ok: true, value: option.value }
        : { ok: false, code: column.errorCode ?? 'invalid_enum' };
    }
    default: {
      const text = cellText(raw).trim();
      if (column.maxLength !== undefined && text.length > column.maxLength)
        return { ok: false, code: 'too_long' };
      return { ok: true, value: text };
    }
  }
}

type TRange = { top: number; left: number; bottom: number; right: number };

function parseRange(range: string): TRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.replace(/\$/g, ''));
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) };
}

/**
 * Reads `filePath` against `layout`. File-level problems throw `AppError` (`payload_too_large`,
 * `unsupported_file_type` — decided from the bytes, not the name —, `spreadsheet_empty`,
 * `spreadsheet_wrong_sheet`, `spreadsheet_bad_headers`); cell problems (wrong type, missing value,
 * formulas, merged cells in the data area…) are returned, every one with its row, column letter,
 * code and vi/en message. The header row is found among the first 30 rows (title rows may vary); the
 * "(1) (2)…" row and the totals row are recognised and skipped; empty rows are ignored.
 */
export async function readSheet(
  layout: TSheetLayout,
  filePath: string,
  options: { maxBytes?: number; maxRows?: number } = {},
): Promise<TReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SPREADSHEET_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { size } = await stat(filePath);
  if (size === 0) {
    throw problem('spreadsheet_empty', { vi: 'Tệp rỗng, không có dữ liệu.', en: 'The file is empty.' });
  }
  if (size > maxBytes) {
    throw new AppError('payload_too_large', {
      detail: {
        vi: `Tệp lớn hơn giới hạn ${Math.round(maxBytes / 1024 / 1024)} MB.`,
        en: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      },
    });
  }
  const handle = await open(filePath, 'r');
  let sniffed: Awaited<ReturnType<typeof sniffFile>>;
  try {
    sniffed = await sniffFile(size, async (start, end) => {
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, end - start, start);
      return buffer;
    });
  } finally {
    await handle.close();
  }
  if (!sniffed.ok || sniffed.type !== 'xlsx') {
    throw problem('unsupported_file_type', {
      vi: 'Tệp không phải bảng tính Excel (.xlsx), dù tên tệp có thể là .xlsx.',
      en: 'The file is not an Excel workbook (.xlsx), whatever its name.',
    });
  }
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch {
    throw problem('unsupported_file_type', {
      vi: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.',
      en: 'The Excel file cannot be read: it is damaged or not an .xlsx workbook.',
    });
  }
  const wanted = fold(layout.sheetName);
  const sheet = workbook.worksheets.find((ws) => fold(ws.name) === wanted);
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ') || '—';
    throw problem('spreadsheet_wrong_sheet', {
      vi: `Không có trang tính "${layout.sheetName}" (tệp có: ${names}). Hãy dùng mẫu tải về từ hệ thống.`,
      en: `No sheet "${layout.sheetName}" (the file has: ${names}). Use the template from the system.`,
    });
  }
  if (sheet.actualRowCount === 0) {
    throw problem('spreadsheet_empty', {
      vi: `Trang tính "${sheet.name}" không có dữ liệu.`,
      en: `The sheet "${sheet.name}" is empty.`,
    });
  }
  if (sheet.rowCount > maxRows) {
    throw new AppError('payload_too_large', {
      detail: { vi: `Tệp có quá ${maxRows} dòng.`, en: `The file has more than ${maxRows} rows.` },
    });
  }

  // The header row: the first row whose first cell is the first column's header.
  const first = fold(headerText(layout.columns[0]!));
  const firstBare = fold(layout.columns[0]!.header);
  let headerRow = 0;
  for (let r = 1; r <= Math.min(30, sheet.rowCount); r += 1) {
    const text = fold(cellText(sheet.getRow(r).getCell(1).value));
    if (text === first || text === firstBare) {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) {
    throw problem('spreadsheet_bad_headers', {
      vi: `Không tìm thấy dòng tiêu đề cột (ô đầu tiên phải là "${headerText(layout.columns[0]!)}").`,
      en: `No header row (its first cell must be "${headerText(layout.columns[0]!)}").`,
    });
  }
  const headerErrors: TFieldError[] = [];
  layout.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const found = cellText(sheet.getRow(headerRow).getCell(i + 1).value);
    const f = fold(found);
    if (f !== fold(headerText(column)) && f !== fold(column.header)) {
      headerErrors.push({
        path: `${letter}${headerRow}`,
        code: found.trim() === '' ? 'header_missing' : 'header_mismatch',
        message: {
          vi: `Ô ${letter}${headerRow}: cần tiêu đề "${headerText(column)}", tệp ghi "${found.trim()}".`,
          en: `Cell ${letter}${headerRow}: expected "${headerText(column)}", found "${found.trim()}".`,
        },
      });
    }
  });
  if (headerErrors.length > 0) {
    throw problem(
      'spreadsheet_bad_headers',
      {
        vi: 'Tiêu đề cột không đúng mẫu (đã bị đổi tên, thiếu hoặc sai thứ tự).',
        en: 'The column headers do not match the template (renamed, missing or reordered).',
      },
      headerErrors,
    );
  }

  let dataStart = headerRow + 1;
  if (layout.numberRow !== false) {
    // The "(1) (2) (3)…" row is recognised by its first cells ALL being their column numbers: a table
    // typed without it starts with a data row whose STT is 1, and that row must not be dropped.
    const row = sheet.getRow(dataStart);
    const width = Math.min(3, layout.columns.length);
    const isNumberRow = Array.from({ length: width }, (_, i) => i + 1).every((n) => {
      const text = fold(cellText(row.getCell(n).value));
      return text === `(${n})` || text === String(n);
    });
    if (isNumberRow) dataStart += 1;
  }
  const totalLabel = fold(layout.totalLabel ?? DEFAULT_TOTAL_LABEL);
  const errors: TCellError[] = [];
  const rows: TSheetRow[] = [];

  // Merged cells in the data area: one error per merge, at its top-left cell.
  const merges: string[] = (sheet.model as { merges?: string[] }).merges ?? [];
  const mergedRows = new Set<number>();
  for (const merge of merges) {
    const range = parseRange(merge);
    if (!range || range.bottom < dataStart) continue;
    const column = layout.columns[Math.min(range.left, layout.columns.length) - 1]!;
    errors.push(cellError(range.top, columnLetter(range.left), column, 'merged_cells'));
    for (let r = range.top; r <= range.bottom; r += 1) mergedRows.add(r);
  }

  const last = sheet.rowCount;
  for (let r = dataStart; r <= last; r += 1) {
    const row = sheet.getRow(r);
    const raws = layout.columns.map((_, i) => row.getCell(i + 1).value);
    if (raws.every((v) => cellText(v).trim() === '')) continue;
    if (raws.slice(0, 3).some((v) => fold(cellText(v)) === totalLabel)) break; // the totals row ends the data
    const values: TRowValues = {};
    layout.columns.forEach((column, i) => {
      const letter = columnLetter(i + 1);
      const raw = raws[i] ?? null;
      if (column.role === 'sequence') return;
      if (isFormula(raw)) {
        errors.push(cellError(r, letter, column, 'formula_not_allowed'));
        values[column.key] = null;
        return;
      }
      const parsed = parseCell(column, raw);
      if (!parsed.ok) {
        errors.push(cellError(r, letter, column, parsed.code));
        values[column.key] = null;
        return;
      }
      if (column.required && (parsed.value === null || parsed.value === '') && !mergedRows.has(r)) {
        errors.push(cellError(r, letter, column, 'required'));
      }
      values[column.key] = parsed.value;
    });
    rows.push({ row: r, values });
  }
  if (rows.length === 0) {
    throw problem('spreadsheet_empty', {
      vi: `Trang tính "${sheet.name}" có tiêu đề cột nhưng không có dòng dữ liệu nào.`,
      en: `The sheet "${sheet.name}" has headers but no data rows.`,
    });
  }
  return { rows, errors: sortCellErrors(errors), headerRow };
}

export { CELL_MESSAGES };
