import type { TSheetColumn } from './layout';

/** A problem in one cell of an imported sheet; `row` is the sheet's row number, `column` its letter. */
export type TCellError = {
  row: number;
  column: string;
  /** The layout key of the column, when the error belongs to one. */
  field?: string;
  code: string;
  message: { vi: string; en: string };
};

type TMessage = (column: TSheetColumn) => { vi: string; en: string };

/**
 * The toolkit's own cell codes and their messages (a module adds its own codes through `cellError`).
 * An enum column's own `errorCode` gets the `invalid_enum` message.
 */
export const CELL_MESSAGES: Record<string, TMessage> = {
  required: (c) => ({ vi: `Cột "${c.header}" không được để trống.`, en: `"${c.header}" is required.` }),
  invalid_money: (c) => ({
    vi: `Cột "${c.header}" phải là số tiền nguyên, không âm, tính bằng đồng.`,
    en: `"${c.header}" must be a whole, non-negative amount in VND.`,
  }),
  invalid_int: (c) => ({
    vi: `Cột "${c.header}" phải là số nguyên.`,
    en: `"${c.header}" must be a whole number.`,
  }),
  invalid_date: (c) => ({
    vi: `Cột "${c.header}" phải là ngày (dd/mm/yyyy).`,
    en: `"${c.header}" must be a date (dd/mm/yyyy).`,
  }),
  invalid_bool: (c) => ({
    vi: `Cột "${c.header}" chỉ nhận "x" (có) hoặc để trống (không).`,
    en: `"${c.header}" takes "x" (yes) or nothing (no).`,
  }),
  invalid_enum: (c) => {
    const options = c.options ?? [];
    const list = options.length <= 8 ? ` (${options.map((o) => o.label).join('; ')})` : '';
    return {
      vi: `Cột "${c.header}": giá trị không có trong danh mục${list}.`,
      en: `"${c.header}": not one of the accepted values${list}.`,
    };
  },
  too_long: (c) => ({
    vi: `Cột "${c.header}" dài quá ${c.maxLength ?? 0} ký tự.`,
    en: `"${c.header}" is longer than ${c.maxLength ?? 0} characters.`,
  }),
  formula_not_allowed: (c) => ({
    vi: `Ô thuộc cột "${c.header}" chứa công thức; chỉ nhận giá trị (hãy dán dạng giá trị).`,
    en: `The "${c.header}" cell holds a formula; paste values only.`,
  }),
  merged_cells: (c) => ({
    vi: `Ô gộp (merge) trong vùng dữ liệu tại cột "${c.header}"; hãy bỏ gộp ô.`,
    en: `Merged cells in the data area at "${c.header}"; unmerge them.`,
  }),
};

export function cellError(
  row: number,
  column: string,
  layoutColumn: TSheetColumn,
  code: string,
  message?: { vi: string; en: string },
): TCellError {
  const make = CELL_MESSAGES[code];
  return {
    row,
    column,
    field: layoutColumn.key,
    code,
    message: message ??
      (make ?? (layoutColumn.type === 'enum' ? CELL_MESSAGES.invalid_enum : undefined))?.(layoutColumn) ?? {
        vi: `Cột "${layoutColumn.header}": giá trị không hợp lệ.`,
        en: `"${layoutColumn.header}": invalid value.`,
      },
  };
}

export function sortCellErrors(errors: TCellError[]): TCellError[] {
  return errors.sort(
    (a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
  );
}
