import { sql } from 'drizzle-orm';
import type { TCreateProposalRequest } from '../../../domain/schemas/proposals';
import { acceptsNewProposals, type TCycleStatus } from '../../../domain/workflow/cycle';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { proposalCodeCounters, proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findCycle } from '../cycles';
import {
  assertNoFieldErrors,
  coordinatingErrors,
  dateErrors,
  fieldErrors,
  orientationErrors,
  resolveImplementer,
} from './proposal-input';

/**
 * The next code of a province's proposals for a plan year, e.g. KCQG-2026-24-0007. One upsert on the
 * counter row: concurrent creations queue on that row and never get the same number.
 */
/**
 * Reserves `count` consecutive codes KCQG-{year}-{province}-{seq} with one upsert of the counter row
 * (race-free: concurrent creations serialise on that row). Create, copy and import all number here.
 */
export async function reserveProposalCodes(
  tx: TTx,
  planYear: number,
  provinceCode: string,
  count = 1,
  programme: 'national' | 'local' = 'national',
): Promise<string[]> {
  const [row] = await tx
    .insert(proposalCodeCounters)
    .values({ programme, planYear, provinceCode, lastSeq: count })
    .onConflictDoUpdate({
      target: [
        proposalCodeCounters.programme,
        proposalCodeCounters.planYear,
        proposalCodeCounters.provinceCode,
      ],
      set: { lastSeq: sql`${proposalCodeCounters.lastSeq} + ${count}` },
    })
    .returning({ seq: proposalCodeCounters.lastSeq });
  if (!row) throw new Error('counter upsert returned nothing');
  const first = row.seq - count + 1;
  return Array.from(
    { length: count },
    (_, i) => `${CODE_PREFIX[programme]}-${planYear}-${provinceCode}-${String(first + i).padStart(4, '0')}`,
  );
}

/** Codes of the national programme (khuyến công quốc gia) and of a local one (khuyến công địa phương). */
const CODE_PREFIX = { national: 'KCQG', local: 'KCĐP' } as const;

/** One code, as `reserveProposalCodes` reserves them. */
export async function reserveProposalCode(
  tx: TTx,
  planYear: number,
  provinceCode: string,
  programme: 'national' | 'local' = 'national',
): Promise<string> {
  const [code] = await reserveProposalCodes(tx, planYear, provinceCode, 1, programme);
  return code as string;
}

/** Inserts one draft and writes its `proposal.created` event (`after`: the values, plus `note`). */
export async function insertDraftProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  values: typeof proposals.$inferInsert & { provinceCode: string };
  note?: Record<string, unknown>;
}): Promise<string> {
  const { actor, tx, now, values } = input;
  const [created] = await tx
    .insert(proposals)
    .values({
      ...values,
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: proposals.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.created',
    entityType: 'proposal',
    entityId: created.id,
    provinceCode: values.provinceCode,
    after: { ...values, ...input.note },
    at: now,
  });
  return created.id;
}

/**
 * Creates a draft proposal in the open national cycle of its plan year, or with `programme: 'local'` in
 * the open local (KCĐP) cycle of the implementer's province (code KCĐP-…; direct implementers, which
 * have no Sở, cannot take part in a local cycle).
 */
export async function createProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCreateProposalRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'proposals.write');
  const programme = data.programme ?? 'national';
  const implementer = await resolveImplementer(tx, actor, {
    implementingOrganizationId: data.implementingOrganizationId,
    provinceCode: data.provinceCode,
    now,
  });
  if (programme === 'local' && implementer.registersDirectly) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'implementingOrganizationId',
          code: 'invalid_value',
          message: {
            vi: 'Đơn vị đăng ký trực tiếp với Cục không tham gia kế hoạch khuyến công địa phương.',
            en: 'An implementer that registers directly with the agency takes no part in a local plan.',
          },
        },
      ],
    });
  }
  const cycle = await findCycle(tx, data.planYear, programme === 'local' ? implementer.provinceCode : null);
  if (!cycle || !acceptsNewProposals(cycle.status as TCycleStatus)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'planYear',
          code: 'invalid_value',
          message:
            programme === 'local'
              ? {
                  vi: `Kỳ kế hoạch khuyến công địa phương năm ${data.planYear} của tỉnh chưa mở hoặc đã kết thúc nhận đề án.`,
                  en: `The province's ${data.planYear} local cycle is not open for new proposals.`,
                }
              : {
                  vi: `Kỳ kế hoạch năm ${data.planYear} chưa mở hoặc đã kết thúc nhận đề án.`,
                  en: `The ${data.planYear} cycle is not open for new proposals.`,
                },
        },
      ],
    });
  }
  assertNoFieldErrors([
    ...fieldErrors(data.activityType, data.fields, { complete: false }),
    ...orientationErrors(cycle, data.orientations),
    ...(await coordinatingErrors(tx, data.coordinatingOrganizationId)),
    ...dateErrors(data.startDate, data.endDate),
  ]);

  const code = await reserveProposalCode(tx, data.planYear, implementer.provinceCode, programme);
  const values = {
    code,
    cycleId: cycle.id,
    programme,
    planYear: data.planYear,
    provinceCode: implementer.provinceCode,
    implementingOrganizationId: implementer.organizationId,
    coordinatingOrganizationId: data.coordinatingOrganizationId ?? null,
    activityType: data.activityType,
    title: data.title,
    isPilot: data.isPilot,
    isGroupProject: data.isGroupProject,
    beneficiary: data.beneficiary,
    location: data.location,
    startDate: data.startDate ?? null,
    endDate: data.endDate ?? null,
    budgetTotal: data.budget.total,
    budgetRequested: data.budget.requested,
    budgetCounterpart: data.budget.counterpart,
    budgetOther: data.budget.other,
    priorityArea: data.priorityArea,
    priorityIndustry: data.priorityIndustry,
    womenOwned: data.womenOwned,
    ethnicMinorityOwned: data.ethnicMinorityOwned,
    orientations: [...new Set(data.orientations)],
    outputs: data.outputs,
    fields: data.fields,
    selectionMethod: data.selectionMethod ?? null,
    status: 'draft',
  };
  return insertDraftProposal({ actor, tx, now, values });
}
