import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import type { TDeadlineStage } from '../../../domain/workflow/cycle';
import {
  abilities,
  decideTransition,
  registersDirectly,
  type TProposalAbilities,
  type TProposalAction,
  type TProposalStatus,
  type TTransitionRule,
  type TWorkflowContext,
} from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { deadlineFor, findCycleById, type TCycleRow, type TEffectiveDeadline } from '../cycles';
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

  return {
    deadlines: async (row: TProposalRow) => ({
      registration: await deadlineOf(row, 'registration'),
      dossier: await deadlineOf(row, 'dossier'),
    }),
    abilities: async (row: TProposalRow): Promise<TProposalAbilities> => {
      const registration = await deadlineOf(row, 'registration');
      const dossier = await deadlineOf(row, 'dossier');
      return abilities(row.proposal.status as TProposalStatus, actor.roles, {
        ...workflowContext(actor, row),
        stageOpen: { registration: registration.isOpen, dossier: dossier.isOpen },
      });
    },
  };
}
