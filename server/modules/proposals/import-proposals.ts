import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { formatVnd } from '../../../domain/lib/money';
import { maxSupport } from '../../../domain/regulation';
import type { TProposalsImportResult } from '../../../domain/schemas/proposal-sheets';
import { acceptsNewProposals, type TCycleStatus } from '../../../domain/workflow/cycle';
import { IMPLEMENTING_ORGANIZATION_KINDS, registersDirectly } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { organizations, proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { readSheet, type TCellError } from '../../platform/spreadsheet';
import { recordAudit } from '../audit/record-audit';
import { findNationalCycle } from '../cycles';
import { regulationSetForCycle } from '../regulations';
import { reserveProposalCodes } from './create-proposal';
import { proposalScope, type TProposalRecord } from './proposals.repository';
import { foldName, letterOf, PROPOSALS_SHEET, type TProposalSheetValues, valuesOf } from './proposals.sheet';
import { contentOf } from './update-proposal';

/** A registration table is refused past 10 MB (the toolkit's default; see the 50,000-row figure in the tests). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const INSERT_BATCH = 500;

export type TImportOutcome = Omit<TProposalsImportResult, 'errors'> & { errors: TCellError[] };

type TOrg = { id: string; name: string; provinceCode: string | null; kind: string };

type TPlanned =
  | { action: 'create'; row: number; values: TProposalSheetValues; org: TOrg }
  | { action: 'update'; row: number; values: TProposalSheetValues; existing: TProposalRecord }
  | { action: 'unchanged'; row: number };

function rowError(row: number, key: string, code: string, message: { vi: string; en: string }): TCellError {
  return { row, column: letterOf(key), field: key, code, message };
}

/** The organisations the actor may name as implementer: their province's units via the Sở, or their own. */
async function implementersOf(tx: TTx, actor: TActor): Promise<Map<string, TOrg[]>> {
  const rows = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      provinceCode: organizations.provinceCode,
      kind: organizations.kind,
    })
    .from(organizations)
    .where(
      and(eq(organizations.active, true), inArray(organizations.kind, [...IMPLEMENTING_ORGANIZATION_KINDS])),
    );
  const isProvince =
    (actor.roles.includes('province_officer') || actor.roles.includes('province_leader')) &&
    actor.provinceCode !== null;
  const isUnit = actor.roles.includes('unit_officer');
  const byName = new Map<string, TOrg[]>();
  for (const org of rows) {
    const asProvince =
      isProvince &&
      org.provinceCode === actor.provinceCode &&
      !registersDirectly(org.kind as TOrganizationKind, org.provinceCode);
    const asUnit = isUnit && org.id === actor.organizationId;
    if (!asProvince && !asUnit) continue;
    const key = foldName(org.name);
    byName.set(key, [...(byName.get(key) ?? []), org]);
  }
  return byName;
}

/** The sheet values a stored proposal exports to (what an unchanged row reads back as). */
function storedValues(p: TProposalRecord, orgName: string): TProposalSheetValues {
  const beneficiary = (p.beneficiary ?? {}) as Record<string, unknown>;
  const location = (p.location ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    code: p.code,
    title: p.title.trim(),
    activityType: p.activityType,
    isPilot: p.isPilot,
    isGroupProject: p.isGroupProject,
    implementingOrganization: orgName.trim(),
    beneficiaryName: text(beneficiary.name),
    commune: text(location.commune),
    address: text(location.address),
    startDate: p.startDate,
    endDate: p.endDate,
    budgetTotal: p.budgetTotal,
    budgetRequested: p.budgetRequested,
    budgetCounterpart: p.budgetCounterpart,
    budgetOther: p.budgetOther,
    priorityArea: p.priorityArea,
    priorityIndustry: p.priorityIndustry,
    selectionMethod: (p.selectionMethod as 'selection' | 'bidding' | null) ?? null,
  };
}

const same = (a: TProposalSheetValues, b: TProposalSheetValues) =>
  JSON.stringify({ ...a, implementingOrganization: foldName(a.implementingOrganization) }) ===
  JSON.stringify({ ...b, implementingOrganization: foldName(b.implementingOrganization) });

/** Content columns of a proposal from sheet values, merged into what it already holds. */
function contentFrom(v: TProposalSheetValues, existing?: TProposalRecord) {
  const beneficiary = { ...((existing?.beneficiary ?? {}) as Record<string, unknown>) };
  if (v.beneficiaryName) beneficiary.name = v.beneficiaryName;
  else delete beneficiary.name;
  const location = { ...((existing?.location ?? {}) as Record<string, unknown>) };
  for (const [key, value] of [
    ['commune', v.commune],
    ['address', v.address],
  ] as const) {
    if (value) location[key] = value;
    else delete location[key];
  }
  return {
    title: v.title,
    activityType: v.activityType,
    isPilot: v.isPilot,
    isGroupProject: v.isGroupProject,
    beneficiary,
    location,
    startDate: v.startDate,
    endDate: v.endDate,
    budgetTotal: v.budgetTotal,
    budgetRequested: v.budgetRequested,
    budgetCounterpart: v.budgetCounterpart,
    budgetOther: v.budgetOther,
    priorityArea: v.priorityArea,
    priorityIndustry: v.priorityIndustry,
    selectionMethod: v.selectionMethod,
  };
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Imports a registration table (`PROPOSALS_SHEET`) into the plan year's national cycle. Every row is
 * checked first — the cells' types (by the layout), then the codes (a duplicate in the file, an
 * unknown one, a change to a proposal that is no longer a draft), the implementing unit (one the actor
 * may propose for), the dates (within the plan year; a pilot project may end later), the budget
 * (total = KCQG + counterpart + other) and the cap of the cycle's regulation set — and every error is
 * listed with its row, column, code and message. Nothing is written in a dry run or when any row has an
 * error; otherwise new rows become drafts and rows with the code of a draft update it, all in `tx`,
 * each audited, plus one `proposal.imported` event with the file's SHA-256. Rows identical to the stored
 * proposal are left alone (an exported table re-imports with no change, whatever the statuses).
 * Callable without HTTP (CLI, benchmarks).
 */
export async function importProposals(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  planYear: number;
  filePath: string;
  /** The name the user gave the file, for the audit trail. */
  fileName?: string;
  dryRun: boolean;
  maxBytes?: number;
  onProgress?: (stage: 'read' | 'check' | 'write', done: number, total: number) => void;
}): Promise<TImportOutcome> {
  const { actor, tx, now, planYear, filePath, dryRun, onProgress } = input;
  assertCan(actor, 'proposals.write');
  const sheet = await readSheet(PROPOSALS_SHEET, filePath, { maxBytes: input.maxBytes ?? IMPORT_MAX_BYTES });
  onProgress?.('read', sheet.rows.length, sheet.rows.length);
  const errors: TCellError[] = [...sheet.errors];
  const badRows = new Set(errors.map((e) => e.row));

  const cycle = await findNationalCycle(tx, planYear);
  if (!cycle) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'planYear',
          code: 'invalid_value',
          message: {
            vi: `Chưa có kỳ kế hoạch năm ${planYear}.`,
            en: `There is no ${planYear} plan cycle.`,
          },
        },
      ],
    });
  }
  const { set } = await regulationSetForCycle(tx, cycle.id);
  const implementers = await implementersOf(tx, actor);

  const codes = [
    ...new Set(sheet.rows.map((r) => valuesOf(r.values).code).filter((c): c is string => c !== null)),
  ];
  const existingByCode = new Map<string, { proposal: TProposalRecord; orgName: string }>();
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await tx
      .select({ proposal: proposals, orgName: organizations.name })
      .from(proposals)
      .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
      .where(
        and(
          inArray(proposals.code, codes.slice(i, i + 1000)),
          eq(proposals.planYear, planYear),
          proposalScope(actor),
        ),
      );
    for (const f of found) existingByCode.set(f.proposal.code, f);
  }

  const seenCodes = new Map<string, number>();
  const planned: TPlanned[] = [];
  const yearStart = `${planYear}-01-01`;
  const yearEnd = `${planYear}-12-31`;
  const acceptsNew = acceptsNewProposals(cycle.status as TCycleStatus);
  sheet.rows.forEach((sheetRow, index) => {
    if (index % 1000 === 0) onProgress?.('check', index, sheet.rows.length);
    const r = sheetRow.row;
    const v = valuesOf(sheetRow.values);
    const rowErrors: TCellError[] = [];
    let existing: { proposal: TProposalRecord; orgName: string } | undefined;
    if (v.code !== null) {
      const first = seenCodes.get(v.code);
      if (first !== undefined) {
        rowErrors.push(
          rowError(r, 'code', 'duplicate_code', {
            vi: `Mã đề án ${v.code} đã có ở dòng ${first}.`,
            en: `Code ${v.code} is already on row ${first}.`,
          }),
        );
      } else {
        seenCodes.set(v.code, r);
        existing = existingByCode.get(v.code);
        if (!existing) {
          rowErrors.push(
            rowError(r, 'code', 'unknown_code', {
              vi: `Không tìm thấy đề án mã ${v.code} của năm ${planYear} trong phạm vi của bạn; để trống mã để tạo đề án mới.`,
              en: `No ${planYear} proposal ${v.code} in your scope; leave the code empty to create one.`,
            }),
          );
        }
      }
    }
    if (existing && !badRows.has(r) && rowErrors.length === 0) {
      if (same(v, storedValues(existing.proposal, existing.orgName))) {
        planned.push({ action: 'unchanged', row: r });
        return;
      }
      if (existing.proposal.status !== 'draft') {
        errors.push(
          rowError(r, 'code', 'proposal_not_editable', {
            vi: `Đề án ${v.code} không còn là bản nháp (đã đăng ký hoặc đã gửi): không được sửa bằng tệp nhập.`,
            en: `Proposal ${v.code} is no longer a draft (registered or submitted): an import may not change it.`,
          }),
        );
        return;
      }
      if (foldName(v.implementingOrganization) !== foldName(existing.orgName)) {
        rowErrors.push(
          rowError(r, 'implementingOrganization', 'implementer_changed', {
            vi: `Không được đổi đơn vị thực hiện của đề án ${v.code} (đang là "${existing.orgName}").`,
            en: `The implementing unit of ${v.code} may not change (it is "${existing.orgName}").`,
          }),
        );
      }
    }
    let org: TOrg | undefined;
    if (!existing && v.implementingOrganization) {
      const candidates = implementers.get(foldName(v.implementingOrganization)) ?? [];
      if (candidates.length === 1) org = candidates[0];
      else
        rowErrors.push(
          rowError(r, 'implementingOrganization', 'unknown_organization', {
            vi: `Không tìm thấy đơn vị thực hiện "${v.implementingOrganization}" mà bạn được lập đề án cho.`,
            en: `No implementing unit "${v.implementingOrganization}" you may propose for.`,
          }),
        );
      if (org && !org.provinceCode)
        rowErrors.push(
          rowError(r, 'implementingOrganization', 'province_required', {
            vi: 'Đơn vị không thuộc tỉnh nào: hãy lập đề án trên hệ thống để chọn tỉnh thực hiện.',
            en: 'The unit has no province: create the proposal in the app to choose where it runs.',
          }),
        );
      if (!acceptsNew)
        rowErrors.push(
          rowError(r, 'code', 'cycle_closed', {
            vi: `Kỳ kế hoạch năm ${planYear} không còn nhận đề án mới.`,
            en: `The ${planYear} cycle no longer accepts new proposals.`,
          }),
        );
    }
    if (v.startDate && (v.startDate < yearStart || v.startDate > yearEnd)) {
      rowErrors.push(
        rowError(r, 'startDate', 'date_outside_plan_year', {
          vi: `Ngày bắt đầu phải trong năm kế hoạch ${planYear}.`,
          en: `The start date must be within plan year ${planYear}.`,
        }),
      );
    }
    if (v.endDate) {
      if (v.startDate && v.endDate < v.startDate) {
        rowErrors.push(
          rowError(r, 'endDate', 'end_before_start', {
            vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
            en: 'The end date must follow the start date.',
          }),
        );
      } else if (v.endDate < yearStart || (!v.isPilot && v.endDate > yearEnd)) {
        rowErrors.push(
          rowError(r, 'endDate', 'date_outside_plan_year', {
            vi: `Ngày kết thúc phải trong năm kế hoạch ${planYear} (chỉ đề án điểm được kéo dài nhiều năm).`,
            en: `The end date must be within plan year ${planYear} (only pilot projects run several years).`,
          }),
        );
      }
    }
    const sum = v.budgetRequested + v.budgetCounterpart + v.budgetOther;
    if (!badRows.has(r) && sum !== v.budgetTotal) {
      rowErrors.push(
        rowError(r, 'budgetTotal', 'budget_mismatch', {
          vi: `Tổng kinh phí ${formatVnd(v.budgetTotal)} khác tổng các nguồn ${formatVnd(sum)} (KCQG + đối ứng + khác).`,
          en: `The total ${formatVnd(v.budgetTotal)} differs from the sum of sources ${formatVnd(sum)}.`,
        }),
      );
    }
    if (!badRows.has(r) && v.activityType) {
      const support = maxSupport(
        {
          planYear,
          activityType: v.activityType as TActivityType,
          isPilot: v.isPilot,
          isGroupProject: v.isGroupProject,
          priorityArea: v.priorityArea,
          priorityIndustry: v.priorityIndustry,
          budget: {
            total: v.budgetTotal,
            requested: v.budgetRequested,
            counterpart: v.budgetCounterpart,
            other: v.budgetOther,
          },
          fields: (existing?.proposal.fields ?? {}) as Record<string, unknown>,
        },
        set,
      );
      if (support && v.budgetRequested > support.amount) {
        rowErrors.push(
          rowError(r, 'budgetRequested', 'cap_exceeded', {
            vi: `Kinh phí KCQG đề nghị ${formatVnd(v.budgetRequested)} vượt mức hỗ trợ tối đa ${formatVnd(support.amount)}.`,
            en: `The requested ${formatVnd(v.budgetRequested)} exceeds the cap of ${formatVnd(support.amount)}.`,
          }),
        );
      }
    }
    errors.push(...rowErrors);
    if (rowErrors.length > 0 || badRows.has(r)) return;
    if (existing) planned.push({ action: 'update', row: r, values: v, existing: existing.proposal });
    else if (org) planned.push({ action: 'create', row: r, values: v, org });
  });
  errors.sort(
    (a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
  );

  const creates = planned.filter((p) => p.action === 'create');
  const updates = planned.filter((p) => p.action === 'update');
  const outcome: TImportOutcome = {
    dryRun,
    rows: sheet.rows.length,
    created: errors.length > 0 ? 0 : creates.length,
    updated: errors.length > 0 ? 0 : updates.length,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
    errors,
  };
  if (dryRun || errors.length > 0) return outcome;

  // Codes: one counter upsert per province reserves the whole range (race-free, like createProposal).
  const byProvince = new Map<string, typeof creates>();
  for (const c of creates) {
    const province = c.org.provinceCode as string;
    byProvince.set(province, [...(byProvince.get(province) ?? []), c]);
  }
  const toInsert: Array<{ plan: (typeof creates)[number]; code: string; province: string }> = [];
  for (const [province, list] of byProvince) {
    const codes = await reserveProposalCodes(tx, planYear, province, list.length);
    list.forEach((plan, i) => {
      toInsert.push({ plan, province, code: codes[i]! });
    });
  }
  let written = 0;
  const total = creates.length + updates.length;
  for (let i = 0; i < toInsert.length; i += INSERT_BATCH) {
    const batch = toInsert.slice(i, i + INSERT_BATCH);
    const values = batch.map(({ plan, code, province }) => ({
      code,
      cycleId: cycle.id,
      programme: 'national',
      planYear,
      provinceCode: province,
      implementingOrganizationId: plan.org.id,
      ...contentFrom(plan.values),
      status: 'draft',
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    }));
    const inserted = await tx
      .insert(proposals)
      .values(values)
      .returning({ id: proposals.id, code: proposals.code });
    const idByCode = new Map(inserted.map((x) => [x.code, x.id]));
    for (const value of values) {
      const { createdAt: _c, updatedAt: _u, createdBy: _b, ...after } = value;
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'proposal.created',
        entityType: 'proposal',
        entityId: idByCode.get(value.code) ?? null,
        provinceCode: value.provinceCode,
        after: { ...after, importedFrom: input.fileName ?? path.basename(filePath) },
        at: now,
      });
    }
    written += batch.length;
    onProgress?.('write', written, total);
  }
  for (const plan of updates) {
    const before = contentOf(plan.existing);
    const next = { ...before, ...contentFrom(plan.values, plan.existing) };
    await tx
      .update(proposals)
      .set({ ...next, lockVersion: sql`${proposals.lockVersion} + 1`, updatedAt: now })
      .where(and(eq(proposals.id, plan.existing.id), eq(proposals.status, 'draft')));
    const changed = Object.keys(next).filter(
      (k) =>
        JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(before[k as keyof typeof before]),
    );
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'proposal.updated',
      entityType: 'proposal',
      entityId: plan.existing.id,
      provinceCode: plan.existing.provinceCode,
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k as keyof typeof next]])),
      at: now,
    });
    written += 1;
    if (written % 200 === 0) onProgress?.('write', written, total);
  }
  onProgress?.('write', total, total);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.imported',
    entityType: 'proposal',
    provinceCode: actor.provinceCode,
    after: {
      planYear,
      fileName: input.fileName ?? path.basename(filePath),
      sha256: await sha256Of(filePath),
      rows: outcome.rows,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      codes: toInsert.map((x) => x.code),
    },
    at: now,
  });
  return outcome;
}
