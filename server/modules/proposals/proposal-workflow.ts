import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TDeadlineStage } from '../../../domain/workflow/cycle';
import {
  abilities,
  deadlineStagesFor,
  decideTransition,
  registersDirectly,
  type TProposalAbilities,
  type TProposalAction,
  type TProposalStatus,
  type TTransitionRule,
  type TWorkflowContext,
} from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import { organizations } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  deadlineFor,
  effectiveDeadline,
  findCycleById,
  findCyclesByIds,
  latestExtensions,
  type TCycleRow,
  type TEffectiveDeadline,
} from '../cycles';
import { provincialDepartmentOf, type TProposalRow } from './proposals.repository';

/** True when the proposal's implementer registers and submits directly with the agency. */
export function isDirect(row: TProposalRow): boolean {
  return registersDirectly(
    row.implementingOrganizationKind as TOrganizationKind,
    row.implementingOrganizationProvinceCode,
  );
}

/** The facts the status machine needs about this actor and this proposal. */
export function workflowContext(actor: TActor, row: TProposalRow): TWorkflowContext {
  return {
    isOwnProvince: actor.provinceCode !== null && actor.provinceCode === row.proposal.provinceCode,
    isOwnOrganization: actor.organizationId === row.proposal.implementingOrganizationId,
    registersDirectly: isDirect(row),
    programme: row.proposal.programme === 'local' ? 'local' : 'national',
    isProvincialCommittee: actor.organizationKind === 'people_committee',
  };
}

/**
 * Decides a transition for the actor: `409 invalid_transition` when nobody may take the action from the
 * proposal's status, `403 forbidden` when the status allows it but not for this actor.
 */
export function decide(actor: TActor, row: TProposalRow, action: TProposalAction): TTransitionRule {
  const decision = decideTransition(
    row.proposal.status as TProposalStatus,
    action,
    actor.roles,
    workflowContext(actor, row),
  );
  if (!decision.ok) throw new AppError(decision.reason);
  return decision.rule;
}

/**
 * The organisation whose deadlines (and extensions) govern a proposal's registration and submission:
 * the implementer itself when it registers directly, else the Sở Công Thương of the proposal's province
 * (it sends the registration report and the dossiers).
 */
export async function registeringOrganizationId(db: TDbOrTx, row: TProposalRow): Promise<string> {
  if (isDirect(row)) return row.proposal.implementingOrganizationId;
  const department = await provincialDepartmentOf(db, row.proposal.provinceCode);
  return department?.id ?? row.proposal.implementingOrganizationId;
}

/**
 * Computes abilities for many proposals in one request, looking each cycle's deadlines up once per
 * registering organisation, so late register/submit buttons are not offered.
 */
export function abilityResolver(db: TDbOrTx, actor: TActor, now: Date) {
  const cycles = new Map<string, Promise<TCycleRow | null>>();
  const departments = new Map<string, Promise<string>>();
  const deadlines = new Map<string, Promise<TEffectiveDeadline>>();

  const cycleOf = (id: string) => {
    if (!cycles.has(id)) cycles.set(id, findCycleById(db, id));
    return cycles.get(id)!;
  };
  const registeringOf = (row: TProposalRow) => {
    if (isDirect(row)) return Promise.resolve(row.proposal.implementingOrganizationId);
    const key = row.proposal.provinceCode;
    if (!departments.has(key)) departments.set(key, registeringOrganizationId(db, row));
    return departments.get(key)!;
  };
  const deadlineOf = async (row: TProposalRow, stage: TDeadlineStage) => {
    const organizationId = await registeringOf(row);
    const key = `${row.proposal.cycleId}:${organizationId}:${stage}`;
    if (!deadlines.has(key)) {
      deadlines.set(
        key,
        cycleOf(row.proposal.cycleId).then((cycle) => {
          if (!cycle) throw new Error(`proposal ${row.proposal.id} names a missing cycle`);
          return deadlineFor(db, cycle, organizationId, stage, now);
        }),
      );
    }
    return deadlines.get(key)!;
  };

  /**
   * Looks up, in three queries, everything the abilities of `rows` need (their cycles, the Sở of each
   * province, the extensions in force), instead of a few queries per row: a page of 50 proposals from
   * 30 provinces would otherwise cost ~100 queries (found by benchmark P1).
   */
  const needsDeadlines = (row: TProposalRow) =>
    deadlineStagesFor(row.proposal.status as TProposalStatus, actor.roles, workflowContext(actor, row))
      .length > 0;

  const prefetch = async (allRows: readonly TProposalRow[]) => {
    // Only the rows whose abilities a deadline could change (most statuses and roles: none).
    const rows = allRows.filter(needsDeadlines);
    if (rows.length === 0) return;
    const cycleIds = [...new Set(rows.map((r) => r.proposal.cycleId))].filter((id) => !cycles.has(id));
    const provinces = [
      ...new Set(rows.filter((r) => !isDirect(r)).map((r) => r.proposal.provinceCode)),
    ].filter((code) => !departments.has(code));
    const [cycleRows, departmentRows] = await Promise.all([
      findCyclesByIds(db, cycleIds),
      provinces.length === 0 ? new Map<string, string>() : provincialDepartmentsOf(db, provinces),
    ]);
    for (const id of cycleIds) cycles.set(id, Promise.resolve(cycleRows.find((c) => c.id === id) ?? null));
    for (const row of rows) {
      const code = row.proposal.provinceCode;
      if (isDirect(row) || departments.has(code)) continue;
      departments.set(
        code,
        Promise.resolve(departmentRows.get(code) ?? row.proposal.implementingOrganizationId),
      );
    }
    const organizationOf = async (row: TProposalRow) => registeringOf(row);
    const pairs = await Promise.all(rows.map(async (row) => [row, await organizationOf(row)] as const));
    const extensions = await latestExtensions(
      db,
      [...new Set(rows.map((r) => r.proposal.cycleId))],
      [...new Set(pairs.map(([, organizationId]) => organizationId))],
    );
    for (const [row, organizationId] of pairs) {
      const cycle = await cycleOf(row.proposal.cycleId);
      if (!cycle) continue;
      for (const stage of ['registration', 'dossier'] as const) {
        const key = `${row.proposal.cycleId}:${organizationId}:${stage}`;
        if (deadlines.has(key)) continue;
        deadlines.set(
          key,
          Promise.resolve(effectiveDeadline(cycle, extensions.get(key) ?? null, stage, now)),
        );
      }
    }
  };

  return {
    prefetch,
    deadlines: async (row: TProposalRow) => ({
      registration: await deadlineOf(row, 'registration'),
      dossier: await deadlineOf(row, 'dossier'),
    }),
    abilities: async (row: TProposalRow): Promise<TProposalAbilities> => {
      if (!needsDeadlines(row))
        return abilities(row.proposal.status as TProposalStatus, actor.roles, workflowContext(actor, row));
      const registration = await deadlineOf(row, 'registration');
      const dossier = await deadlineOf(row, 'dossier');
      return abilities(row.proposal.status as TProposalStatus, actor.roles, {
        ...workflowContext(actor, row),
        stageOpen: { registration: registration.isOpen, dossier: dossier.isOpen },
      });
    },
  };
}

/** The Sở Công Thương of each province (the first active one, as `provincialDepartmentOf` picks). */
async function provincialDepartmentsOf(db: TDbOrTx, provinceCodes: readonly string[]) {
  const rows = await db
    .select({ id: organizations.id, provinceCode: organizations.provinceCode })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'provincial_department'),
        inArray(organizations.provinceCode, [...provinceCodes]),
        eq(organizations.active, true),
      ),
    )
    .orderBy(asc(organizations.createdAt));
  const first = new Map<string, string>();
  for (const row of rows)
    if (row.provinceCode && !first.has(row.provinceCode)) first.set(row.provinceCode, row.id);
  return first;
}
