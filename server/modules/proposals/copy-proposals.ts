import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { TCopyProposalsRequest } from '../../../domain/schemas/proposal-sheets';
import { acceptsNewProposals, type TCycleStatus } from '../../../domain/workflow/cycle';
import { assertCan, type TActor } from '../../access/actor';
import { proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { findCycle } from '../cycles';
import { insertDraftProposal, reserveProposalCode } from './create-proposal';
import { proposalScope } from './proposals.repository';

/** Statuses not worth copying: the project was dropped. */
const NOT_COPIED = ['withdrawn', 'rejected', 'not_recommended', 'stopped'];

/** The same calendar day `years` later (29 Feb → 28 Feb). */
export function shiftYears(isoDate: string | null, years: number): string | null {
  if (!isoDate) return null;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * "Copy last year's table as drafts for the new plan year": every proposal of `fromPlanYear` in the
 * actor's scope (except withdrawn, rejected, not recommended or stopped ones) becomes a new draft of
 * `toPlanYear` — same unit, content and budget, dates moved by the years between, orientations cleared
 * (they are the new cycle's) — with a new code, each audited as created with the code it was copied from.
 * One programme at a time: the national table into the national cycle, or the actor's province's local
 * (KCĐP) table into that province's local cycle; never one into the other.
 */
export async function copyProposalsToYear(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCopyProposalsRequest;
}): Promise<{ created: number; codes: string[] }> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'proposals.write');
  const { programme } = data;
  // A local table is a province's: the actor's own (the agency has no province and copies none).
  const provinceCode = programme === 'local' ? actor.provinceCode : null;
  const cycle =
    programme === 'local' && !provinceCode ? null : await findCycle(tx, data.toPlanYear, provinceCode);
  if (!cycle || !acceptsNewProposals(cycle.status as TCycleStatus) || data.toPlanYear <= data.fromPlanYear) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'toPlanYear',
          code: 'invalid_value',
          message: {
            vi: `Kỳ kế hoạch năm ${data.toPlanYear} chưa mở nhận đề án, hoặc không sau năm ${data.fromPlanYear}.`,
            en: `The ${data.toPlanYear} cycle is not open for proposals, or is not after ${data.fromPlanYear}.`,
          },
        },
      ],
    });
  }
  const sources = await tx
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.planYear, data.fromPlanYear),
        eq(proposals.programme, programme),
        ...(provinceCode ? [eq(proposals.provinceCode, provinceCode)] : []),
        notInArray(proposals.status, NOT_COPIED),
        proposalScope(actor),
      ),
    )
    .orderBy(asc(proposals.code));
  const years = data.toPlanYear - data.fromPlanYear;
  const codes: string[] = [];
  for (const source of sources) {
    const code = await reserveProposalCode(tx, data.toPlanYear, source.provinceCode, programme);
    const values = {
      code,
      cycleId: cycle.id,
      programme,
      planYear: data.toPlanYear,
      provinceCode: source.provinceCode,
      implementingOrganizationId: source.implementingOrganizationId,
      coordinatingOrganizationId: source.coordinatingOrganizationId,
      activityType: source.activityType,
      title: source.title,
      isPilot: source.isPilot,
      isGroupProject: source.isGroupProject,
      beneficiary: source.beneficiary,
      location: source.location,
      startDate: shiftYears(source.startDate, years),
      endDate: shiftYears(source.endDate, years),
      budgetTotal: source.budgetTotal,
      budgetRequested: source.budgetRequested,
      budgetCounterpart: source.budgetCounterpart,
      budgetOther: source.budgetOther,
      priorityArea: source.priorityArea,
      priorityIndustry: source.priorityIndustry,
      womenOwned: source.womenOwned,
      ethnicMinorityOwned: source.ethnicMinorityOwned,
      orientations: [],
      outputs: source.outputs,
      fields: source.fields,
      selectionMethod: source.selectionMethod,
      status: 'draft',
    };
    await insertDraftProposal({ actor, tx, now, values, note: { copiedFrom: source.code } });
    codes.push(code);
  }
  return { created: codes.length, codes };
}
