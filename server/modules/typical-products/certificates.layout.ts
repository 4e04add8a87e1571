import {
  CERTIFICATE_LEVEL_LABELS,
  CERTIFICATE_LEVELS,
  PRODUCT_GROUP_LABELS,
  PRODUCT_GROUPS,
} from '../../../domain/enums/typical-products';
import { defineLayout } from '../../platform/spreadsheet';

/**
 * THE documented layout of a certificate list (sheet "Danh sách SPTB", one certificate per row, the
 * header row anywhere in the first 30 rows, data right under it): the import reads it, the template download writes it.
 *
 * | column | header | content |
 * |---|---|---|
 * | A | STT | row number (ignored) |
 * | B | Tên sản phẩm | required, ≤ 300 characters |
 * | C | Nhóm sản phẩm | Thủ công mỹ nghệ · Chế biến nông, lâm, thủy sản và thực phẩm · Máy móc, dụng cụ và cơ khí · Sản phẩm khác |
 * | D | Tên cơ sở | required |
 * | E | Mã số thuế | 10 digits, or 10-3 for a branch |
 * | F | Mã tỉnh (tại thời điểm cấp) | two digits, the code in force on the issue date (e.g. 10 for Lào Cai before 1/7/2025) |
 * | G | Xã/phường | optional |
 * | H | Cấp chứng nhận | Cấp tỉnh · Cấp khu vực · Cấp quốc gia |
 * | I | Đợt bình chọn | optional |
 * | J | Năm bình chọn | a year |
 * | K | Số giấy chứng nhận | required; with the issuing body, unique |
 * | L | Ngày cấp | dd/mm/yyyy or an Excel date |
 * | M | Hiệu lực đến | dd/mm/yyyy or an Excel date, not before the issue date |
 * | N | Cơ quan cấp | required |
 */
export const CERTIFICATES_LAYOUT = defineLayout({
  sheetName: 'Danh sách SPTB',
  // No "(1) (2)…" row: with it, the reader skips the first row after the headers whenever its STT is 1,
  // which would silently drop the first certificate of a list typed without that row.
  numberRow: false,
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    {
      key: 'productName',
      header: 'Tên sản phẩm',
      type: 'text',
      width: 36,
      required: true,
      maxLength: 300,
      wrap: true,
    },
    {
      key: 'productGroup',
      header: 'Nhóm sản phẩm',
      type: 'enum',
      width: 28,
      required: true,
      options: PRODUCT_GROUPS.map((g) => ({ value: g, label: PRODUCT_GROUP_LABELS[g].vi })),
    },
    {
      key: 'establishmentName',
      header: 'Tên cơ sở',
      type: 'text',
      width: 36,
      required: true,
      maxLength: 300,
      wrap: true,
    },
    {
      key: 'establishmentTaxCode',
      header: 'Mã số thuế',
      type: 'text',
      width: 16,
      required: true,
      maxLength: 20,
    },
    {
      key: 'provinceCode',
      header: 'Mã tỉnh (tại thời điểm cấp)',
      type: 'text',
      width: 12,
      required: true,
      maxLength: 2,
    },
    { key: 'commune', header: 'Xã/phường', type: 'text', width: 20, maxLength: 200 },
    {
      key: 'level',
      header: 'Cấp chứng nhận',
      type: 'enum',
      width: 16,
      required: true,
      options: CERTIFICATE_LEVELS.map((l) => ({
        value: l,
        label: CERTIFICATE_LEVEL_LABELS[l].vi,
        aliases: [CERTIFICATE_LEVEL_LABELS[l].vi.replace(/^Cấp /, ''), l],
      })),
    },
    { key: 'selectionRound', header: 'Đợt bình chọn', type: 'text', width: 14, maxLength: 100 },
    { key: 'selectionYear', header: 'Năm bình chọn', type: 'int', width: 10, required: true },
    {
      key: 'certificateNumber',
      header: 'Số giấy chứng nhận',
      type: 'text',
      width: 18,
      required: true,
      maxLength: 100,
    },
    { key: 'issueDate', header: 'Ngày cấp', type: 'date', width: 12, required: true },
    { key: 'validUntil', header: 'Hiệu lực đến', type: 'date', width: 12, required: true },
    {
      key: 'issuingBody',
      header: 'Cơ quan cấp',
      type: 'text',
      width: 30,
      required: true,
      maxLength: 300,
      wrap: true,
    },
  ],
});
