import type { TActivityType } from '../../../domain/enums/activity-types';
import { DOCUMENT_KINDS } from '../../../domain/enums/document-kinds';
import {
  checkProposal,
  maxSupport,
  type TCheckableProposal,
  type TFinding,
  type TMaxSupport,
  type TRegulationSet,
} from '../../../domain/regulation';

/** The try-out form as the user fills it: amounts as typed digits, empty meaning not entered. */
export interface TTryOutForm {
  activityType: TActivityType;
  planYear: number | null;
  total: string;
  requested: string;
  counterpart: string;
  other: string;
  isPilot: boolean;
  priorityArea: boolean;
  /** Pretend every document is attached, so the findings are about money and rules only. */
  assumeDocuments: boolean;
}

/** `1.200.000.000` (or `1200000000 ₫`) → 1200000000; digits only, at most 15 (a safe integer). */
export function parseVndText(text: string): number | null {
  const digits = text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 15);
  return digits === '' ? null : Number(digits);
}

/** Re-groups typed digits the Vietnamese way while the user types: `1200000` → `1.200.000`. */
export function formatVndText(text: string): string {
  const amount = parseVndText(text);
  return amount === null ? '' : String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function initialTryOutForm(set: TRegulationSet): TTryOutForm {
  const activityType = set.activityTypes.includes('demonstration_model')
    ? 'demonstration_model'
    : (set.activityTypes[0] as TActivityType);
  return {
    activityType,
    planYear: set.effectiveFromYear,
    total: '',
    requested: '',
    counterpart: '',
    other: '',
    isPilot: false,
    priorityArea: false,
    assumeDocuments: true,
  };
}

/** The proposal the engine reads; an amount not entered yet counts as 0. */
export function tryOutProposal(form: TTryOutForm, set: TRegulationSet): TCheckableProposal {
  return {
    planYear: form.planYear ?? set.effectiveFromYear,
    activityType: form.activityType,
    isPilot: form.isPilot,
    priorityArea: form.priorityArea,
    budget: {
      total: parseVndText(form.total) ?? 0,
      requested: parseVndText(form.requested) ?? 0,
      counterpart: parseVndText(form.counterpart) ?? 0,
      other: parseVndText(form.other) ?? 0,
    },
    ...(form.assumeDocuments ? { documents: DOCUMENT_KINDS.map((kind) => ({ kind })) } : {}),
  };
}

/**
 * The live check: the very `checkProposal` and `maxSupport` the server runs, computed in the browser on
 * every keystroke (no request).
 */
export function tryOutResult(
  form: TTryOutForm,
  set: TRegulationSet,
): { findings: TFinding[]; support: TMaxSupport | null } {
  const proposal = tryOutProposal(form, set);
  return { findings: checkProposal(proposal, set), support: maxSupport(proposal, set) };
}
