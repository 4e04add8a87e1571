import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { columnLetter, createSheetWriter, defineLayout, readSheet, type TRowValues } from './index';

const LAYOUT = defineLayout({
  sheetName: 'Danh sách',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'name', header: 'Tên sản phẩm', type: 'text', width: 40, required: true, maxLength: 20 },
    { key: 'amount', header: 'Kinh phí', unit: 'đồng', type: 'money', width: 16, total: true },
    { key: 'count', header: 'Số lượng', type: 'int', total: true },
    { key: 'day', header: 'Ngày', type: 'date' },
    { key: 'flag', header: 'Ưu tiên', type: 'bool' },
    {
      key: 'kind',
      header: 'Loại',
      type: 'enum',
      options: [
        { value: 'a', label: 'Loại A' },
        { value: 'b', label: 'Loại B', aliases: ['B'] },
      ],
      errorCode: 'unknown_kind',
    },
  ],
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-sheet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeFileOf(name: string, rows: TRowValues[]) {
  const file = path.join(dir, name);
  const stream = createWriteStream(file);
  const writer = createSheetWriter(LAYOUT, stream, {
    titleRows: [['BỘ CÔNG THƯƠNG', 'CỘNG HÒA'], 'DANH SÁCH'],
  });
  for (const row of rows) await writer.addRow(row);
  await writer.finish();
  await finished(stream);
  return file;
}

/** Builds a workbook by hand (non-streaming) from the exported file, changed by `edit`. */
async function edited(
  source: string,
  name: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  edit(wb.getWorksheet('Danh sách')!, wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

const ROWS: TRowValues[] = [
  { name: 'Mây tre', amount: 1_500_000_000, count: 3, day: '2026-05-31', flag: true, kind: 'a' },
  { name: 'Gốm sứ', amount: 250_000, count: 0, day: null, flag: false, kind: 'b' },
];

describe('spreadsheet toolkit', () => {
  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('writes the layout (titles, headers with units, formats, totals formula, freeze, print) and reads it back', async () => {
    const file = await writeFileOf('ok.xlsx', ROWS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Danh sách')!;
    expect(ws.getCell('A1').value).toBe('BỘ CÔNG THƯƠNG');
    expect(ws.getCell('A2').value).toBe('DANH SÁCH');
    expect(ws.getCell('C4').value).toBe('Kinh phí (đồng)');
    expect(ws.getCell('C5').value).toBe('(3)');
    expect(ws.getCell('A6').value).toBe(1);
    expect(ws.getCell('C6').value).toBe(1_500_000_000);
    expect(ws.getCell('C6').numFmt).toBe('#,##0');
    expect(ws.getCell('E6').numFmt).toBe('dd/mm/yyyy');
    expect((ws.getCell('E6').value as Date).toISOString()).toBe('2026-05-31T00:00:00.000Z');
    expect(ws.getCell('F6').value).toBe('x');
    expect(ws.getCell('G7').value).toBe('Loại B');
    expect(ws.getCell('B8').value).toBe('Tổng cộng');
    expect(ws.getCell('C8').value).toEqual({ formula: 'SUM(C6:C7)', result: 1_500_250_000 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');

    const result = await readSheet(LAYOUT, file);
    expect(result.errors).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.rows).toEqual([
      {
        row: 6,
        values: {
          name: 'Mây tre',
          amount: 1_500_000_000,
          count: 3,
          day: '2026-05-31',
          flag: true,
          kind: 'a',
        },
      },
      { row: 7, values: { name: 'Gốm sứ', amount: 250_000, count: 0, day: null, flag: false, kind: 'b' } },
    ]);
  });

  it('reports every bad cell with its row, column, code and a Vietnamese message', async () => {
    const source = await writeFileOf('src.xlsx', ROWS);
    const file = await edited(source, 'bad.xlsx', (ws) => {
      ws.getCell('B6').value = null; // required
      ws.getCell('C6').value = 'một tỷ'; // text in money
      ws.getCell('D6').value = 1.5; // not an int
      ws.getCell('E7').value = '31/02/2026'; // no such day
      ws.getCell('F7').value = 'có lẽ';
      ws.getCell('G7').value = 'Loại Z';
      ws.getCell('C7').value = { formula: '1+1', result: 2 };
      ws.getCell('B7').value = 'x'.repeat(21);
    });
    const { errors } = await readSheet(LAYOUT, file);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, 'B', 'required'],
      [6, 'C', 'invalid_money'],
      [6, 'D', 'invalid_int'],
      [7, 'B', 'too_long'],
      [7, 'C', 'formula_not_allowed'],
      [7, 'E', 'invalid_date'],
      [7, 'F', 'invalid_bool'],
      [7, 'G', 'unknown_kind'],
    ]);
    expect(errors[1]!.message.vi).toContain('Kinh phí');
    expect(errors[1]!.message.vi).toMatch(/số tiền/);
  });

  it('accepts money typed as text the Vietnamese way, dates as dd/mm/yyyy and enum aliases', async () => {
    const source = await writeFileOf('src2.xlsx', ROWS);
    const file = await edited(source, 'typed.xlsx', (ws) => {
      ws.getCell('C6').value = '1.500.000';
      ws.getCell('E6').value = '01/06/2026';
      ws.getCell('G6').value = 'b';
    });
    const { rows, errors } = await readSheet(LAYOUT, file);
    expect(errors).toEqual([]);
    expect(rows[0]!.values).toMatchObject({ amount: 1_500_000, day: '2026-06-01', kind: 'b' });
  });

  it('keeps the first data row of a table typed without the "(1) (2)…" row (its STT is 1)', async () => {
    const source = await writeFileOf('src-numbers.xlsx', ROWS);
    const file = await edited(source, 'no-number-row.xlsx', (ws) => {
      ws.spliceRows(5, 1);
    });
    const { rows, errors } = await readSheet(LAYOUT, file);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.values.name)).toEqual(['Mây tre', 'Gốm sứ']);
  });

  it('refuses merged cells in the data area, not in the titles', async () => {
    const source = await writeFileOf('src3.xlsx', ROWS);
    const file = await edited(source, 'merged.xlsx', (ws) => ws.mergeCells('B6:B7'));
    const { errors } = await readSheet(LAYOUT, file);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([[6, 'B', 'merged_cells']]);
  });

  it('refuses a wrong sheet, renamed headers, an empty sheet, an empty file, a non-xlsx and a too-large file', async () => {
    const source = await writeFileOf('src4.xlsx', ROWS);
    const renamedSheet = await edited(source, 'sheet.xlsx', (ws) => {
      ws.name = 'Sheet1';
    });
    expect((await problemOf(readSheet(LAYOUT, renamedSheet))).code).toBe('spreadsheet_wrong_sheet');

    const renamed = await edited(source, 'headers.xlsx', (ws) => {
      ws.getCell('C4').value = 'Tiền';
    });
    const headers = await problemOf(readSheet(LAYOUT, renamed));
    expect(headers.code).toBe('spreadsheet_bad_headers');
    expect(headers.params.errors).toEqual([expect.objectContaining({ path: 'C4', code: 'header_mismatch' })]);

    const noRows = await writeFileOf('none.xlsx', []);
    expect((await problemOf(readSheet(LAYOUT, noRows))).code).toBe('spreadsheet_empty');

    const empty = path.join(dir, 'empty.xlsx');
    await writeFile(empty, '');
    expect((await problemOf(readSheet(LAYOUT, empty))).code).toBe('spreadsheet_empty');

    const fake = path.join(dir, 'fake.xlsx');
    await writeFile(fake, 'STT,Tên sản phẩm\n1,Mây tre\n');
    expect((await problemOf(readSheet(LAYOUT, fake))).code).toBe('unsupported_file_type');

    expect((await problemOf(readSheet(LAYOUT, source, { maxBytes: 1000 }))).code).toBe('payload_too_large');
  });
});
