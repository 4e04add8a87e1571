import { eq } from 'drizzle-orm';
import { formatInstantVi } from '../../../domain/lib/dates';
import type { TCreateExtensionRequest } from '../../../domain/schemas/cycles';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { cycleExtensions, organizations } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { toDeadlineInstant } from './cycle-rules';
import { findNationalCycle } from './cycles.repository';

/**
 * Grants one organisation a later deadline at one stage (gia hạn), with the reason and who granted it.
 * An extension must end after the stage's own deadline; the latest one granted counts.
 */
export async function grantExtension(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  planYear: number;
  data: TCreateExtensionRequest;
}): Promise<string> {
  const { actor, tx, now, planYear, data } = input;
  assertCan(actor, 'cycles.write');
  const cycle = await findNationalCycle(tx, planYear);
  if (!cycle) throw notFound();
  if (cycle.status === 'closed') throw new AppError('invalid_transition');
  const [organization] = await tx
    .select({ id: organizations.id, provinceCode: organizations.provinceCode })
    .from(organizations)
    .where(eq(organizations.id, data.organizationId))
    .limit(1);
  if (!organization) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'organizationId',
          code: 'invalid_value',
          message: { vi: 'Không tìm thấy đơn vị.', en: 'No such organisation.' },
        },
      ],
    });
  }
  const until = toDeadlineInstant(data.until);
  const stageDeadline = data.stage === 'registration' ? cycle.registrationDeadline : cycle.dossierDeadline;
  if (until.getTime() <= stageDeadline.getTime()) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'until',
          code: 'invalid_value',
          message: {
            vi: `Thời hạn gia hạn phải sau hạn chót hiện tại (${formatInstantVi(stageDeadline)}).`,
            en: `An extension must end after the current deadline (${formatInstantVi(stageDeadline)}).`,
          },
        },
      ],
    });
  }
  const [created] = await tx
    .insert(cycleExtensions)
    .values({
      cycleId: cycle.id,
      organizationId: organization.id,
      stage: data.stage,
      until,
      reason: data.reason,
      grantedBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
    })
    .returning({ id: cycleExtensions.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'cycle.extension_granted',
    entityType: 'cycle',
    entityId: cycle.id,
    provinceCode: organization.provinceCode,
    after: {
      extensionId: created.id,
      planYear,
      organizationId: organization.id,
      stage: data.stage,
      until: until.toISOString(),
      reason: data.reason,
    },
    at: now,
  });
  return created.id;
}
