import { ACTIVITY_TYPE_DEFINITIONS, ACTIVITY_TYPES } from '../../../domain/enums/activity-types';
import { foldVietnamese } from '../../../domain/lib/text';
import { PROPOSAL_STATUS_LABELS, type TProposalStatus } from '../../../domain/workflow/proposal';
import { columnLetter, defineLayout, type TRowValues } from '../../platform/spreadsheet';

/**
 * THE registration-table layout (Biểu tổng hợp, TT 36/2013 Mẫu số 2; domain.md §4.3): the exporter
 * (`export-proposals.ts`) writes it and the importer (`import-proposals.ts`) reads it, so an exported
 * table imports back unchanged. Money in integer đồng; "Mã đề án" matches a row to a stored proposal
 * (empty for a new one); "Ghi chú" is written (the status) and ignored on import.
 */
export const PROPOSAL_KINDS = [
  { value: 'single', label: 'Đơn lẻ' },
  { value: 'group', label: 'Theo nhóm' },
  { value: 'pilot', label: 'Đề án điểm' },
  { value: 'pilot_group', label: 'Đề án điểm, theo nhóm' },
] as const;

export const PROPOSALS_SHEET = defineLayout({
  sheetName: 'Biểu tổng hợp',
  totalLabel: 'Tổng cộng',
  columns: [
    { key: 'stt', header: 'STT', type: 'int', width: 6, role: 'sequence' },
    { key: 'code', header: 'Mã đề án', type: 'text', width: 20, maxLength: 40 },
    {
      key: 'title',
      header: 'Tên đề án',
      type: 'text',
      width: 42,
      required: true,
      maxLength: 500,
      wrap: true,
    },
    {
      key: 'activityType',
      header: 'Nội dung hoạt động',
      type: 'enum',
      width: 34,
      required: true,
      wrap: true,
      errorCode: 'unknown_activity_type',
      options: ACTIVITY_TYPES.map((code) => ({
        value: code,
        label: ACTIVITY_TYPE_DEFINITIONS[code].nameVi,
        aliases: [ACTIVITY_TYPE_DEFINITIONS[code].nameEn],
      })),
    },
    {
      key: 'kind',
      header: 'Loại đề án',
      type: 'enum',
      width: 14,
      required: true,
      options: PROPOSAL_KINDS.map((k) => ({ ...k })),
      errorCode: 'unknown_proposal_kind',
    },
    {
      key: 'implementingOrganization',
      header: 'Đơn vị thực hiện',
      type: 'text',
      width: 30,
      required: true,
      maxLength: 300,
      wrap: true,
    },
    {
      key: 'beneficiaryName',
      header: 'Đơn vị thụ hưởng',
      type: 'text',
      width: 30,
      maxLength: 300,
      wrap: true,
    },
    { key: 'commune', header: 'Địa điểm thực hiện (xã, phường)', type: 'text', width: 22, maxLength: 200 },
    { key: 'address', header: 'Địa chỉ', type: 'text', width: 26, maxLength: 500, wrap: true },
    { key: 'startDate', header: 'Thời gian bắt đầu', type: 'date', width: 13 },
    { key: 'endDate', header: 'Thời gian kết thúc', type: 'date', width: 13 },
    { key: 'budgetTotal', header: 'Tổng kinh phí', unit: 'đồng', type: 'money', width: 18, total: true },
    {
      key: 'budgetRequested',
      header: 'Kinh phí KCQG hỗ trợ',
      unit: 'đồng',
      type: 'money',
      width: 18,
      total: true,
    },
    { key: 'budgetCounterpart', header: 'Vốn đối ứng', unit: 'đồng', type: 'money', width: 18, total: true },
    { key: 'budgetOther', header: 'Nguồn khác', unit: 'đồng', type: 'money', width: 16, total: true },
    { key: 'priorityArea', header: 'Địa bàn ưu tiên', type: 'bool', width: 10 },
    { key: 'priorityIndustry', header: 'Ngành nghề ưu tiên', type: 'bool', width: 10 },
    {
      key: 'selectionMethod',
      header: 'Phương thức lựa chọn',
      type: 'enum',
      width: 14,
      options: [
        { value: 'selection', label: 'Xét chọn' },
        { value: 'bidding', label: 'Đấu thầu' },
      ],
    },
    { key: 'notes', header: 'Ghi chú', type: 'text', width: 18, maxLength: 1000, wrap: true },
  ],
});

export type TProposalSheetValues = {
  code: string | null;
  title: string;
  activityType: string;
  isPilot: boolean;
  isGroupProject: boolean;
  implementingOrganization: string;
  beneficiaryName: string | null;
  commune: string | null;
  address: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetTotal: number;
  budgetRequested: number;
  budgetCounterpart: number;
  budgetOther: number;
  priorityArea: boolean;
  priorityIndustry: boolean;
  selectionMethod: 'selection' | 'bidding' | null;
};

export function kindOf(isPilot: boolean, isGroupProject: boolean) {
  if (isPilot) return isGroupProject ? 'pilot_group' : 'pilot';
  return isGroupProject ? 'group' : 'single';
}

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A stored proposal (the export cursor's row, snake_case) as a sheet row. */
export function sheetRowOf(row: Record<string, unknown>): TRowValues {
  const beneficiary = (row.beneficiary ?? {}) as Record<string, unknown>;
  const location = (row.location ?? {}) as Record<string, unknown>;
  return {
    code: row.code as string,
    title: row.title as string,
    activityType: row.activity_type as string,
    kind: kindOf(row.is_pilot === true, row.is_group_project === true),
    implementingOrganization: row.implementing_name as string,
    beneficiaryName: textOf(beneficiary.name),
    commune: textOf(location.commune),
    address: textOf(location.address),
    startDate: (row.start_date as string | null) ?? null,
    endDate: (row.end_date as string | null) ?? null,
    budgetTotal: Number(row.budget_total),
    budgetRequested: Number(row.budget_requested),
    budgetCounterpart: Number(row.budget_counterpart),
    budgetOther: Number(row.budget_other),
    priorityArea: row.priority_area === true,
    priorityIndustry: row.priority_industry === true,
    selectionMethod: (row.selection_method as string | null) ?? null,
    notes: PROPOSAL_STATUS_LABELS[row.status as TProposalStatus]?.vi ?? String(row.status),
  };
}

/** A parsed sheet row as typed proposal values (the reader has already checked types). */
export function valuesOf(values: TRowValues): TProposalSheetValues {
  const kind = String(values.kind ?? 'single');
  const text = (key: string) => textOf(values[key]);
  const money = (key: string) => (typeof values[key] === 'number' ? (values[key] as number) : 0);
  return {
    code: text('code'),
    title: text('title') ?? '',
    activityType: String(values.activityType ?? ''),
    isPilot: kind === 'pilot' || kind === 'pilot_group',
    isGroupProject: kind === 'group' || kind === 'pilot_group',
    implementingOrganization: text('implementingOrganization') ?? '',
    beneficiaryName: text('beneficiaryName'),
    commune: text('commune'),
    address: text('address'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    budgetTotal: money('budgetTotal'),
    budgetRequested: money('budgetRequested'),
    budgetCounterpart: money('budgetCounterpart'),
    budgetOther: money('budgetOther'),
    priorityArea: values.priorityArea === true,
    priorityIndustry: values.priorityIndustry === true,
    selectionMethod: (values.selectionMethod as 'selection' | 'bidding' | null | undefined) ?? null,
  };
}

/** Organisation names compared without marks, case or extra spaces. */
export const foldName = (name: string) => foldVietnamese(name).replace(/\s+/g, ' ').trim();

/** The column letter of a layout key (for errors raised after parsing). */
export function letterOf(key: string): string {
  return columnLetter(PROPOSALS_SHEET.columns.findIndex((c) => c.key === key) + 1);
}
