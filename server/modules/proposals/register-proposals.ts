import type { TCreateRegistrationRequest } from '../../../domain/schemas/proposals';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { registrationItems, registrations } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { assertDeadlineOpen, deadlineFor, findCycle } from '../cycles';
import { decide, isDirect, registeringOrganizationId } from './proposal-workflow';
import { findProposalsForUpdate } from './proposals.repository';
import { recordTransition } from './record-transition';

/**
 * The registration report (báo cáo đăng ký kế hoạch): the Sở's leader lists its province's drafts, or a
 * unit registering directly lists its own; all of them become `registered`, or none (one transaction).
 * Refused after the registration deadline of the registering organisation, unless extended.
 */
export async function registerProposals(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCreateRegistrationRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'proposals.register');
  // A local (KCĐP) registration is the Sở's, in its own province's local cycle.
  const local = data.programme === 'local';
  if (local && !actor.provinceCode) throw notFound();
  const cycle = await findCycle(tx, data.planYear, local ? actor.provinceCode : null);
  if (!cycle || cycle.status === 'draft') throw notFound();
  const rows = await findProposalsForUpdate(tx, actor, data.proposalIds);
  if (rows.length !== data.proposalIds.length) throw notFound();

  const outsideCycle = rows.filter((r) => r.proposal.cycleId !== cycle.id);
  if (outsideCycle.length > 0) {
    throw new AppError('validation_failed', {
      errors: outsideCycle.map((r) => ({
        path: 'proposalIds',
        code: 'invalid_value',
        message: {
          vi: `Đề án ${r.proposal.code} không thuộc kỳ kế hoạch năm ${data.planYear}.`,
          en: `Proposal ${r.proposal.code} is not in the ${data.planYear} cycle.`,
        },
      })),
    });
  }
  for (const row of rows) decide(actor, row, 'register');

  const registering = new Set<string>();
  for (const row of rows) registering.add(await registeringOrganizationId(tx, row));
  const [organizationId] = registering;
  if (registering.size !== 1 || !organizationId) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'proposalIds',
          code: 'invalid_value',
          message: {
            vi: 'Một báo cáo đăng ký chỉ gồm các đề án của cùng một đơn vị đăng ký.',
            en: 'A registration report lists the proposals of one registering organisation only.',
          },
        },
      ],
    });
  }
  assertDeadlineOpen(await deadlineFor(tx, cycle, organizationId, 'registration', now));

  const direct = rows.every(isDirect);
  const provinceCode = direct ? null : (rows[0]?.proposal.provinceCode ?? null);
  const [registration] = await tx
    .insert(registrations)
    .values({
      cycleId: cycle.id,
      organizationId,
      provinceCode,
      letterNumber: data.letterNumber,
      letterDate: data.letterDate,
      submittedBy: actor.via === 'system' ? null : actor.userId,
      submittedAt: now,
    })
    .returning({ id: registrations.id });
  if (!registration) throw new Error('insert returned nothing');
  await tx
    .insert(registrationItems)
    .values(rows.map((r) => ({ registrationId: registration.id, proposalId: r.proposal.id })));
  for (const row of rows) {
    await recordTransition(tx, {
      actor,
      now,
      row,
      action: 'register',
      to: 'registered',
      data: { registrationId: registration.id, letterNumber: data.letterNumber },
    });
  }
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'registration.created',
    entityType: 'registration',
    entityId: registration.id,
    provinceCode,
    after: {
      planYear: data.planYear,
      organizationId,
      letterNumber: data.letterNumber,
      letterDate: data.letterDate,
      proposals: rows.map((r) => r.proposal.code),
    },
    at: now,
  });
  return registration.id;
}
