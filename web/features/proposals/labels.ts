import { ACTIVITY_TYPE_DEFINITIONS, type TActivityType } from '../../../domain/enums/activity-types';
import { BENEFICIARY_KIND_LABELS, BENEFICIARY_KINDS } from '../../../domain/regulation/beneficiary-kinds';
import {
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STATUSES,
  type TProposalStatus,
} from '../../../domain/workflow/proposal';
import type { TLanguage } from '../../lib/i18n';

/** Tag colours of statuses: antd's status presets, themed for AA contrast (app-providers.tsx). */
const STATUS_COLORS: Record<TProposalStatus, 'default' | 'processing' | 'success' | 'warning' | 'error'> = {
  draft: 'default',
  registered: 'processing',
  base_appraised: 'processing',
  submitted: 'success',
  returned: 'warning',
  under_appraisal: 'processing',
  recommended: 'success',
  not_recommended: 'error',
  approved: 'success',
  contracted: 'success',
  in_progress: 'processing',
  accepted: 'success',
  settled: 'success',
  closed: 'default',
  withdrawn: 'default',
  rejected: 'error',
  stopped: 'error',
  carried_over: 'warning',
};

export function statusLabel(status: string, language: TLanguage): string {
  return (
    (PROPOSAL_STATUS_LABELS as Partial<Record<string, { vi: string; en: string }>>)[status]?.[language] ??
    status
  );
}

export function statusColor(status: string) {
  return (
    (STATUS_COLORS as Partial<Record<string, (typeof STATUS_COLORS)[TProposalStatus]>>)[status] ?? 'default'
  );
}

export function statusOptions(language: TLanguage) {
  return PROPOSAL_STATUSES.map((status) => ({ value: status, label: statusLabel(status, language) }));
}

export function activityLabel(code: string, language: TLanguage): string {
  const d = (ACTIVITY_TYPE_DEFINITIONS as Partial<Record<string, { nameVi: string; nameEn: string }>>)[code];
  return d ? (language === 'en' ? d.nameEn : d.nameVi) : code;
}

export function activityOptions(codes: readonly TActivityType[], language: TLanguage) {
  return codes.map((code) => ({ value: code, label: activityLabel(code, language) }));
}

export function beneficiaryKindOptions(language: TLanguage) {
  return BENEFICIARY_KINDS.map((kind) => ({ value: kind, label: BENEFICIARY_KIND_LABELS[kind][language] }));
}
