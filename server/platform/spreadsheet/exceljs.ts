import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * ExcelJS, loaded on first use: importing it takes ~1 s, which every start of the server paid before
 * anyone exported or imported a table (benchmark P7). Types come from the static `import type`.
 */
const require = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;
export function exceljs(): typeof ExcelJS {
  excel ??= require('exceljs') as typeof ExcelJS;
  return excel;
}
