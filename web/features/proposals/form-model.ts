import dayjs, { type Dayjs } from 'dayjs';
import type { TActivityType } from '../../../domain/enums/activity-types';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TBeneficiaryKind, TCheckableProposal } from '../../../domain/regulation';
import type { TCreateProposalRequest, TProposalDetail } from '../../../domain/schemas/proposals';

/**
 * The proposal form as antd holds it: dates as dayjs, amounts as numbers or empty. `toRequest` turns it
 * into the API's body, `toCheckable` into what the rule engine reads, so the browser's live check and
 * the server's look at the same data.
 */
export interface TProposalFormValues {
  planYear?: number;
  implementingOrganizationId?: string;
  provinceCode?: string;
  activityType: TActivityType;
  title?: string;
  isPilot?: boolean;
  isGroupProject?: boolean;
  selectionMethod?: 'selection' | 'bidding' | null;
  beneficiary?: {
    name?: string;
    taxCode?: string;
    address?: string;
    kind?: TBeneficiaryKind;
    isImplementer?: boolean;
  };
  location?: { commune?: string; address?: string };
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  budget?: {
    total?: number | null;
    requested?: number | null;
    counterpart?: number | null;
    other?: number | null;
  };
  fields?: Record<string, unknown>;
  priorityArea?: boolean;
  priorityIndustry?: boolean;
  womenOwned?: boolean;
  ethnicMinorityOwned?: boolean;
  orientations?: string[];
  outputs?: { name?: string; quantity?: number | null; unit?: string | null }[];
}

const ISO = 'YYYY-MM-DD';
const amount = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const text = (v: string | undefined | null) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Typed fields without empty entries; dates as `YYYY-MM-DD`; machine rows without blanks. */
export function cleanFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (dayjs.isDayjs(value)) out[key] = value.format(ISO);
    else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
      out[key] = value; // ids, e.g. the registry certificates referenced
    } else if (Array.isArray(value)) {
      out[key] = value
        .filter((item) => item && typeof item === 'object')
        .map((item) =>
          Object.fromEntries(
            Object.entries(item as Record<string, unknown>).filter(
              ([, v]) => v !== undefined && v !== null && v !== '',
            ),
          ),
        );
    } else out[key] = value;
  }
  return out;
}

function beneficiaryOf(values: TProposalFormValues) {
  const b = values.beneficiary ?? {};
  return {
    ...(text(b.name) ? { name: text(b.name) } : {}),
    ...(text(b.taxCode) ? { taxCode: text(b.taxCode) } : {}),
    ...(text(b.address) ? { address: text(b.address) } : {}),
    ...(b.kind ? { kind: b.kind } : {}),
    ...(b.isImplementer ? { isImplementer: true } : {}),
  };
}

/** The request body (create); PATCH sends the same content without the create-only keys. */
export function toRequest(
  values: TProposalFormValues,
): Omit<TCreateProposalRequest, 'planYear' | 'implementingOrganizationId'> {
  return {
    activityType: values.activityType,
    title: values.title?.trim() ?? '',
    isPilot: values.isPilot === true,
    isGroupProject: values.isGroupProject === true,
    selectionMethod: values.selectionMethod ?? null,
    beneficiary: beneficiaryOf(values),
    location: {
      ...(text(values.location?.commune) ? { commune: text(values.location?.commune) } : {}),
      ...(text(values.location?.address) ? { address: text(values.location?.address) } : {}),
    },
    startDate: values.startDate ? values.startDate.format(ISO) : null,
    endDate: values.endDate ? values.endDate.format(ISO) : null,
    budget: {
      total: amount(values.budget?.total),
      requested: amount(values.budget?.requested),
      counterpart: amount(values.budget?.counterpart),
      other: amount(values.budget?.other),
    },
    outputs: (values.outputs ?? [])
      .filter((o) => text(o?.name))
      .map((o) => ({
        name: text(o.name)!,
        quantity: o.quantity ?? null,
        unit: text(o.unit ?? undefined) ?? null,
      })),
    fields: cleanFields(values.fields),
    priorityArea: values.priorityArea === true,
    priorityIndustry: values.priorityIndustry === true,
    womenOwned: values.womenOwned === true,
    ethnicMinorityOwned: values.ethnicMinorityOwned === true,
    orientations: values.orientations ?? [],
  };
}

/** What the rule engine reads, from the form as it is now (half-filled is fine). */
export function toCheckable(
  values: TProposalFormValues,
  planYear: number,
  documentKinds: readonly TDocumentKind[],
): TCheckableProposal {
  const request = toRequest(values);
  const beneficiary = beneficiaryOf(values);
  return {
    planYear,
    activityType: request.activityType,
    isPilot: request.isPilot,
    isGroupProject: request.isGroupProject,
    title: request.title,
    priorityArea: request.priorityArea,
    priorityIndustry: request.priorityIndustry,
    womenOwned: request.womenOwned,
    ethnicMinorityOwned: request.ethnicMinorityOwned,
    beneficiary: {
      ...(beneficiary.name ? { name: beneficiary.name } : {}),
      ...(beneficiary.taxCode ? { taxCode: beneficiary.taxCode } : {}),
      ...(beneficiary.kind ? { kind: beneficiary.kind } : {}),
    },
    beneficiaryIsImplementer: beneficiary.isImplementer === true,
    ...(request.startDate ? { startDate: request.startDate } : {}),
    ...(request.endDate ? { endDate: request.endDate } : {}),
    budget: request.budget,
    fields: request.fields,
    documents: documentKinds.map((kind) => ({ kind })),
  };
}

/** Typed-field values that are dates, shown with a date picker. */
const DATE_FIELDS = ['validUntil'];

/** A saved proposal as form values. */
export function fromProposal(p: TProposalDetail): TProposalFormValues {
  const fields: Record<string, unknown> = { ...p.fields };
  for (const key of DATE_FIELDS) {
    if (typeof fields[key] === 'string') fields[key] = dayjs(fields[key] as string);
  }
  return {
    planYear: p.planYear,
    implementingOrganizationId: p.implementingOrganizationId,
    provinceCode: p.provinceCode,
    activityType: p.activityType,
    title: p.title,
    isPilot: p.isPilot,
    isGroupProject: p.isGroupProject,
    selectionMethod: p.selectionMethod,
    beneficiary: { ...p.beneficiary },
    location: { ...p.location },
    startDate: p.startDate ? dayjs(p.startDate) : null,
    endDate: p.endDate ? dayjs(p.endDate) : null,
    budget: { ...p.budget },
    fields,
    priorityArea: p.priorityArea,
    priorityIndustry: p.priorityIndustry,
    womenOwned: p.womenOwned,
    ethnicMinorityOwned: p.ethnicMinorityOwned,
    orientations: [...p.orientations],
    outputs: p.outputs.map((o) => ({ name: o.name, quantity: o.quantity ?? null, unit: o.unit ?? null })),
  };
}

/** `fields.items.0.price` → `['fields', 'items', 0, 'price']` (antd name paths). */
export function namePathOf(path: string): (string | number)[] {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
