import { z } from 'zod';
import type { TDocumentKind } from '../enums/document-kinds';
import { isIsoDate } from '../lib/dates';
import { isVnd } from '../lib/money';
import { annualDate, toVnDate } from './calendar';
import { readField } from './fields';
import { maxSupport, priorityBasis } from './max-support';
import { makeFinding } from './messages';
import {
  type TCheckableProposal,
  type TCheckContext,
  type TFinding,
  type TRegulationSet,
  type TRuleSeverity,
  ZCertificateLevel,
} from './types';

/**
 * The rule check (capability 4): runs live in the browser and authoritatively on the server, on the
 * same regulation set. Each rule reads its parameters from the set; a rule the set does not define
 * is not checked.
 */

type TCheck = (p: TCheckableProposal, set: TRegulationSet, ctx: TCheckContext) => TFinding[];

const has = (rule: { activityTypes: readonly string[] } | undefined, activityType: string) =>
  rule?.activityTypes.includes(activityType) === true;

const ZName = z.string().trim().min(1);
const ZIsoDate = z.string().refine(isIsoDate);
const ZCount = z.number().int().min(0);

const BUDGET_FIELDS = ['total', 'requested', 'counterpart', 'other'] as const;
const budgetIsValid = (p: TCheckableProposal) => BUDGET_FIELDS.every((f) => isVnd(p.budget[f]));

const checkScope: TCheck = (p, set) => {
  const out: TFinding[] = [];
  if (
    p.planYear < set.effectiveFromYear ||
    (set.effectiveToYear !== null && p.planYear > set.effectiveToYear)
  ) {
    out.push(
      makeFinding('plan_year_outside_set', 'error', 'planYear', {
        planYear: p.planYear,
        setCode: set.code,
        period: `${set.effectiveFromYear}–${set.effectiveToYear ?? '…'}`,
      }),
    );
  }
  if (!set.activityTypes.includes(p.activityType)) {
    out.push(
      makeFinding('activity_type_not_in_set', 'error', 'activityType', {
        activityType: p.activityType,
        setCode: set.code,
      }),
    );
  }
  return out;
};

/** Every amount is integer VND, and total = requested + counterpart + other. */
const checkBudget: TCheck = (p) => {
  const invalid = BUDGET_FIELDS.filter((f) => !isVnd(p.budget[f]));
  if (invalid.length > 0) {
    return invalid.map((f) => makeFinding('budget_invalid', 'error', `budget.${f}`, { field: f }));
  }
  const { total, requested, counterpart, other } = p.budget;
  const sum = requested + counterpart + other;
  if (sum === total) return [];
  return [
    makeFinding('budget_mismatch', 'error', 'budget.total', { total, sum, requested, counterpart, other }),
  ];
};

/** Requested support ≤ the cap line's maximum (TT 28/2018 Art. 8 and the set's other lines). */
const checkCap: TCheck = (p, set) => {
  if (!set.activityTypes.includes(p.activityType)) return [];
  const support = maxSupport(p, set);
  if (!support)
    return [makeFinding('cap_rule_missing', 'warning', 'activityType', { activityType: p.activityType })];
  const out: TFinding[] = [];
  const { requested, total } = p.budget;
  // Any finite amount above the cap is flagged, even one that budget_invalid also refuses.
  if (isVnd(total) && typeof requested === 'number' && requested > support.amount) {
    const { rule } = support;
    out.push(
      makeFinding('cap_exceeded', 'error', 'budget.requested', {
        requested,
        allowed: support.amount,
        sharePercent: rule.sharePercent,
        ...(rule.maxAmount === null ? {} : { maxAmount: rule.maxAmount }),
        unit: rule.unit,
        units: rule.units,
        multiplier: rule.multiplier,
        limitedBy: support.limitedBy,
      }),
    );
  }
  const basis = priorityBasis(p);
  if (basis && support.rule.priorityMultiplier > 1 && support.amountCap !== null) {
    out.push(
      makeFinding('priority_applied', 'info', 'budget.requested', {
        multiplier: support.rule.priorityMultiplier,
        basis,
      }),
    );
  }
  if (support.rule.needsVerification) {
    out.push(
      makeFinding('rule_needs_verification', 'info', 'budget.requested', {
        rule: 'cap',
        source: support.rule.source,
      }),
    );
  }
  return out;
};

/** The beneficiary commits the whole remaining cost (TTLT 26/2014 Art. 7). */
const checkCounterpart: TCheck = (p, set) => {
  const rule = set.eligibility.counterpart;
  if (!rule || !has(rule, p.activityType) || !budgetIsValid(p)) return [];
  const { total, requested, counterpart, other } = p.budget;
  const required = total - requested - (rule.countOtherFunds ? other : 0);
  if (counterpart >= required) return [];
  return [makeFinding('counterpart_insufficient', 'error', 'budget.counterpart', { counterpart, required })];
};

/** Dates are real dates, the end is not before the start, and some lines finish within the plan year. */
const checkDates: TCheck = (p, set) => {
  const out: TFinding[] = [];
  const start = p.startDate || undefined;
  const end = p.endDate || undefined;
  const startOk = start !== undefined && isIsoDate(start);
  const endOk = end !== undefined && isIsoDate(end);
  const params = { startDate: start ?? '', endDate: end ?? '' };
  if (start !== undefined && !startOk) {
    out.push(makeFinding('dates_invalid', 'error', 'startDate', { reason: 'start_format', ...params }));
  }
  if (end !== undefined && !endOk) {
    out.push(makeFinding('dates_invalid', 'error', 'endDate', { reason: 'end_format', ...params }));
  }
  if (startOk && endOk && (end as string) < (start as string)) {
    out.push(makeFinding('dates_invalid', 'error', 'endDate', { reason: 'end_before_start', ...params }));
  }
  if (has(set.eligibility.completionInPlanYear, p.activityType)) {
    if (end === undefined) {
      out.push(makeFinding('completion_date_missing', 'warning', 'endDate', { planYear: p.planYear }));
    } else if (endOk && Number((end as string).slice(0, 4)) !== p.planYear) {
      out.push(
        makeFinding('completion_outside_plan_year', 'error', 'endDate', {
          planYear: p.planYear,
          endDate: end,
        }),
      );
    }
  }
  return out;
};

const checkBeneficiaryKind: TCheck = (p, set) => {
  const rule = set.eligibility.beneficiaryKinds;
  const kind = p.beneficiary?.kind;
  if (!rule || kind === undefined || rule.exemptActivityTypes.includes(p.activityType)) return [];
  const allowed = rule.byActivityType[p.activityType] ?? rule.allowed;
  if (allowed.includes(kind)) return [];
  return [
    makeFinding('beneficiary_kind_not_eligible', 'error', 'beneficiary.kind', {
      kind,
      activityType: p.activityType,
    }),
  ];
};

/** A named beneficiary other than the implementing unit (group projects name theirs later). */
function hasSeparateBeneficiary(p: TCheckableProposal): boolean {
  const named = Boolean(p.beneficiary?.name?.trim() || p.beneficiary?.taxCode?.trim());
  return named && p.beneficiaryIsImplementer !== true && p.isGroupProject !== true;
}

/**
 * One finding per missing document kind. A pilot project is asked for the pilot registration form
 * instead of the full dossier (TT 17/2018).
 */
const checkDocuments: TCheck = (p, set) => {
  const submissionKind = p.isPilot ? 'pilot_registration' : 'full_dossier';
  const present = new Set(p.documents?.map((d) => d.kind));
  const separate = hasSeparateBeneficiary(p);
  const missing = new Map<TDocumentKind, TRuleSeverity>();
  for (const req of set.requiredDocuments) {
    if (req.submissionKind !== submissionKind) continue;
    if (req.activityType !== '*' && req.activityType !== p.activityType) continue;
    if (req.condition === 'separate_beneficiary' && !separate) continue;
    for (const kind of req.kinds) {
      if (present.has(kind)) continue;
      if (missing.get(kind) !== 'error') missing.set(kind, req.severity);
    }
  }
  return [...missing].map(([kind, severity]) =>
    makeFinding('missing_document', severity, 'documents', { kind }),
  );
};

/** The dossier deadline in force (from the context, else the set's default) as a calendar date. */
function dossierDeadlineDate(p: TCheckableProposal, set: TRegulationSet, ctx: TCheckContext): string {
  const given = ctx.dossierDeadline === undefined ? undefined : toVnDate(ctx.dossierDeadline);
  return given ?? annualDate(set.deadlines.dossier, p.planYear);
}

/** The date a certificate must still be valid on: the dossier deadline, or today when checked later. */
function certificateCheckDate(p: TCheckableProposal, set: TRegulationSet, ctx: TCheckContext): string {
  const deadline = dossierDeadlineDate(p, set, ctx);
  const today = ctx.today === undefined ? undefined : toVnDate(ctx.today);
  return today !== undefined && today > deadline ? today : deadline;
}

const ZCertificateIds = z.array(z.string().trim().min(1)).max(20);

/** Tax codes compared without spaces, dots and case (`0101 234 567` = `0101234567`). */
export function normalizeTaxCode(value: string | undefined): string {
  return (value ?? '').replace(/[\s.]/g, '').toUpperCase();
}

type TCertificateRule = NonNullable<TRegulationSet['eligibility']['typicalProductCertificate']>;

/**
 * Certificates referenced from the registry (`fields.certificateIds`), checked against the registry's
 * facts (`proposal.certificates`), not against typed-in claims: a referenced certificate that is missing,
 * expired at the dossier deadline or held by another establishment (matched by tax code) gets a warning;
 * a valid one of a priority level (regional, national) held by the beneficiary gets the priority.
 */
function checkReferencedCertificates(
  p: TCheckableProposal,
  set: TRegulationSet,
  ctx: TCheckContext,
  rule: TCertificateRule,
  ids: readonly string[],
): TFinding[] {
  const facts = new Map((p.certificates ?? []).map((c) => [c.id, c]));
  const checkDate = certificateCheckDate(p, set, ctx);
  const beneficiaryTaxCode = normalizeTaxCode(p.beneficiary?.taxCode);
  const severity = rule.required ? 'error' : 'warning';
  const out: TFinding[] = [];
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) return; // a certificate referenced twice counts once
    const path = `fields.certificateIds.${index}`;
    const c = facts.get(id);
    if (!c) {
      out.push(makeFinding('certificate_not_found', 'warning', path, { certificateId: id }));
      return;
    }
    if (!rule.acceptedLevels.includes(c.level)) {
      out.push(
        makeFinding('certificate_required', severity, path, {
          reason: 'level_not_accepted',
          acceptedLevels: rule.acceptedLevels.join(','),
        }),
      );
      return;
    }
    const valid = isIsoDate(c.validUntil) && c.validUntil >= checkDate;
    if (!valid) {
      out.push(
        makeFinding('certificate_expired', 'warning', path, {
          validUntil: c.validUntil,
          checkDate,
          number: c.number,
        }),
      );
    }
    const held = beneficiaryTaxCode !== '' && normalizeTaxCode(c.holderTaxCode) === beneficiaryTaxCode;
    if (!held) {
      out.push(
        makeFinding('certificate_holder_mismatch', 'warning', path, {
          number: c.number,
          holderName: c.holderName,
          holderTaxCode: c.holderTaxCode,
          beneficiaryTaxCode,
        }),
      );
    }
    if (valid && held && rule.priorityLevels.includes(c.level)) {
      out.push(
        makeFinding('certificate_priority', 'info', path, {
          number: c.number,
          level: c.level,
          validUntil: c.validUntil,
          checkDate,
        }),
      );
    }
  });
  return out;
}

/**
 * A typical-product certificate valid at the dossier deadline, or today when the check runs later
 * (a late dossier under an extension must still hold a valid certificate).
 */
const checkCertificate: TCheck = (p, set, ctx) => {
  const rule = set.eligibility.typicalProductCertificate;
  if (!rule || !has(rule, p.activityType)) return [];
  const ids = readField(p.fields, 'certificateIds', ZCertificateIds);
  if (ids !== undefined && ids.length > 0) return checkReferencedCertificates(p, set, ctx, rule, ids);
  const severity = rule.required ? 'error' : 'warning';
  const number = readField(p.fields, 'certificateNumber', ZName);
  const validUntil = readField(p.fields, 'validUntil', ZIsoDate);
  const level = readField(p.fields, 'certificateLevel', ZCertificateLevel);
  const acceptedLevels = rule.acceptedLevels.join(',');
  if (number === undefined || validUntil === undefined || level === undefined) {
    if (!rule.required) return [];
    const path =
      number === undefined
        ? 'certificateNumber'
        : validUntil === undefined
          ? 'validUntil'
          : 'certificateLevel';
    return [
      makeFinding('certificate_required', 'error', `fields.${path}`, { reason: 'missing', acceptedLevels }),
    ];
  }
  if (!rule.acceptedLevels.includes(level)) {
    return [
      makeFinding('certificate_required', severity, 'fields.certificateLevel', {
        reason: 'level_not_accepted',
        acceptedLevels,
      }),
    ];
  }
  const checkDate = certificateCheckDate(p, set, ctx);
  if (validUntil >= checkDate) return [];
  return [makeFinding('certificate_expired', severity, 'fields.validUntil', { validUntil, checkDate })];
};

const checkClusterLegalDossier: TCheck = (p, set) => {
  if (!has(set.eligibility.clusterLegalDossier, p.activityType)) return [];
  if (readField(p.fields, 'legalDossierComplete', z.boolean()) === true) return [];
  const clusterName = readField(p.fields, 'clusterName', ZName) ?? '';
  return [
    makeFinding('cluster_legal_dossier_incomplete', 'error', 'fields.legalDossierComplete', { clusterName }),
  ];
};

/** At most N overseas fairs per establishment and year; `fairsThisYear` counts this one. */
const checkOverseasFairs: TCheck = (p, set) => {
  const rule = set.eligibility.overseasFairs;
  if (!rule || !has(rule, p.activityType)) return [];
  const fairsThisYear = readField(p.fields, 'fairsThisYear', ZCount);
  if (fairsThisYear === undefined || fairsThisYear <= rule.maxPerEstablishmentPerYear) return [];
  return [
    makeFinding('overseas_fair_limit', 'error', 'fields.fairsThisYear', {
      fairsThisYear,
      max: rule.maxPerEstablishmentPerYear,
    }),
  ];
};

const checkQuotations: TCheck = (p, set) => {
  const rule = set.eligibility.machineryQuotations;
  if (!rule || !has(rule, p.activityType)) return [];
  const items = readField(p.fields, 'items', z.array(z.unknown())) ?? [];
  const out: TFinding[] = [];
  items.forEach((raw, index) => {
    const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const quotations = readField(item, 'quotations', ZCount) ?? 0;
    if (quotations >= rule.minPerItem) return;
    const name = readField(item, 'name', ZName) ?? `#${index + 1}`;
    out.push(
      makeFinding('machinery_quotations_insufficient', rule.severity, `fields.items.${index}.quotations`, {
        item: name,
        index,
        quotations,
        min: rule.minPerItem,
      }),
    );
  });
  return out;
};

/** Women- or ethnic-minority-owned establishments rank with priority where the set says so (Decree 235). */
const checkOwnership: TCheck = (p, set) => {
  if (!set.priorityRules.order.some((o) => o.criterion === 'ownership')) return [];
  const women = p.womenOwned === true;
  const minority = p.ethnicMinorityOwned === true;
  if (!women && !minority) return [];
  const basis = women && minority ? 'women_ethnic_minority' : women ? 'women' : 'ethnic_minority';
  return [makeFinding('ownership_priority', 'info', women ? 'womenOwned' : 'ethnicMinorityOwned', { basis })];
};

const CHECKS: readonly TCheck[] = [
  checkScope,
  checkBudget,
  checkCap,
  checkCounterpart,
  checkDates,
  checkBeneficiaryKind,
  checkDocuments,
  checkCertificate,
  checkClusterLegalDossier,
  checkOverseasFairs,
  checkQuotations,
  checkOwnership,
];

/**
 * Checks a proposal against a regulation set.
 *
 * @param proposal the fields the engine reads; a half-filled form is fine.
 * @param set the regulation set of the proposal's plan year.
 * @param context the dossier deadline in force for the proposer (ISO date or instant; defaults to the
 *   set's deadline for the plan year) and today's date or instant (for checks made after the deadline).
 * @returns findings in a stable order: scope, budget, cap, counterpart, dates, beneficiary, documents,
 *   then activity-specific rules; `info` findings explain priorities and unverified rules.
 */
export function checkProposal(
  proposal: TCheckableProposal,
  set: TRegulationSet,
  context: TCheckContext = {},
): TFinding[] {
  return CHECKS.flatMap((check) => check(proposal, set, context));
}

/** True when no finding is an error (the proposal may be submitted). */
export function hasNoErrors(findings: readonly TFinding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}
