import { eq } from 'drizzle-orm';
import type { TUpdateCycleRequest } from '../../../domain/schemas/cycles';
import { canChangeCycleStatus, type TCycleStatus } from '../../../domain/workflow/cycle';
import { auditActor, type TActor } from '../../access/actor';
import { cycles } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { assertDeadlineOrder, assertUsableSet, toDeadlineInstant } from './cycle-rules';
import { findCycle, mayEditCycle, maySeeCycle, orientationsInUse, type TCycleRow } from './cycles.repository';

const snapshot = (c: TCycleRow) => ({
  status: c.status,
  registrationDeadline: c.registrationDeadline,
  dossierDeadline: c.dossierDeadline,
  budgetEnvelope: c.budgetEnvelope,
  regulationSetId: c.regulationSetId,
  guidanceLetterNumber: c.guidanceLetterNumber,
  guidanceLetterDate: c.guidanceLetterDate,
  orientations: c.orientations,
});

/**
 * Changes a cycle: deadlines, envelope, status, regulation set, guidance letter, orientations. A closed
 * cycle is frozen; an orientation that proposals already name cannot be removed. The national cycle of
 * the plan year, or with `provinceCode` that province's local (KCĐP) one: its Sở sets the local
 * deadlines, so it moves them here (there are no per-organisation extensions of a local cycle).
 */
export async function updateCycle(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  planYear: number;
  provinceCode?: string | undefined;
  data: TUpdateCycleRequest;
}): Promise<void> {
  const { actor, tx, now, planYear, data } = input;
  const current = await findCycle(tx, planYear, input.provinceCode, { forUpdate: true });
  if (!current || !maySeeCycle(actor, current)) throw notFound();
  if (!mayEditCycle(actor, current)) throw new AppError('forbidden');
  const from = current.status as TCycleStatus;
  if (from === 'closed') throw new AppError('invalid_transition');
  if (data.status !== undefined && data.status !== from && !canChangeCycleStatus(from, data.status)) {
    throw new AppError('invalid_transition');
  }
  if (data.regulationSetId !== undefined)
    await assertUsableSet(tx, data.regulationSetId, planYear, current.provinceCode);
  const registrationDeadline = data.registrationDeadline
    ? toDeadlineInstant(data.registrationDeadline)
    : current.registrationDeadline;
  const dossierDeadline = data.dossierDeadline
    ? toDeadlineInstant(data.dossierDeadline)
    : current.dossierDeadline;
  assertDeadlineOrder(registrationDeadline, dossierDeadline);
  if (data.orientations !== undefined) {
    const kept = new Set(data.orientations.map((o) => o.code));
    const removedInUse = [...(await orientationsInUse(tx, current.id))].filter((code) => !kept.has(code));
    if (removedInUse.length > 0) {
      throw new AppError('validation_failed', {
        errors: removedInUse.map((code) => ({
          path: 'orientations',
          code: 'invalid_value',
          message: {
            vi: `Định hướng "${code}" đang được đề án sử dụng, không thể xóa.`,
            en: `Orientation "${code}" is used by proposals and cannot be removed.`,
          },
        })),
      });
    }
  }
  const next = {
    status: data.status ?? current.status,
    registrationDeadline,
    dossierDeadline,
    budgetEnvelope: data.budgetEnvelope ?? current.budgetEnvelope,
    regulationSetId: data.regulationSetId ?? current.regulationSetId,
    guidanceLetterNumber:
      data.guidanceLetter === undefined
        ? current.guidanceLetterNumber
        : (data.guidanceLetter?.number ?? null),
    guidanceLetterDate:
      data.guidanceLetter === undefined ? current.guidanceLetterDate : (data.guidanceLetter?.date ?? null),
    orientations: data.orientations ?? current.orientations,
  };
  await tx
    .update(cycles)
    .set({ ...next, updatedAt: now })
    .where(eq(cycles.id, current.id));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'cycle.updated',
    entityType: 'cycle',
    entityId: current.id,
    provinceCode: current.provinceCode,
    before: snapshot(current),
    after: next,
    at: now,
  });
}
