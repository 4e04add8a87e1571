import type { TCreateCycleRequest } from '../../../domain/schemas/cycles';
import { auditActor, type TActor } from '../../access/actor';
import { cycles } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { ensureLocalRegulationSet } from '../regulations';
import {
  assertDeadlineOrder,
  assertUsableSet,
  defaultDeadlineInstants,
  toDeadlineInstant,
} from './cycle-rules';
import { defaultLocalSetId, defaultNationalSetId, findCycle, mayEditCycle } from './cycles.repository';

/**
 * Opens the national cycle of a plan year (the administrator), or a province's local (KCĐP) cycle (its
 * Sở or the administrator) under a local set of the same province, default the newest in force. Without explicit deadlines it takes the regulation set's
 * defaults (20 June and 30 September of the year before, at 23:59:59 Vietnam time); without a set, the
 * newest national set in force for the plan year.
 */
export async function createCycle(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCreateCycleRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  const provinceCode = data.programme === 'local' ? (data.provinceCode ?? null) : null;
  if (!mayEditCycle(actor, { programme: data.programme, provinceCode })) throw new AppError('forbidden');
  if (await findCycle(tx, data.planYear, provinceCode)) {
    throw new AppError('conflict', {
      detail: provinceCode
        ? {
            vi: `Kỳ kế hoạch khuyến công địa phương năm ${data.planYear} của tỉnh (mã ${provinceCode}) đã có.`,
            en: `The ${data.planYear} local cycle of province ${provinceCode} already exists.`,
          }
        : {
            vi: `Kỳ kế hoạch năm ${data.planYear} đã có.`,
            en: `The ${data.planYear} cycle already exists.`,
          },
    });
  }
  let regulationSetId =
    data.regulationSetId ??
    (provinceCode
      ? await defaultLocalSetId(tx, data.planYear, provinceCode)
      : await defaultNationalSetId(tx, data.planYear));
  // A province's first local cycle: its local set starts from the template (caps to be verified).
  if (!regulationSetId && provinceCode && !data.regulationSetId) {
    await ensureLocalRegulationSet(tx, actor, now, provinceCode);
    regulationSetId = await defaultLocalSetId(tx, data.planYear, provinceCode);
  }
  if (!regulationSetId) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'regulationSetId',
          code: 'required',
          message: provinceCode
            ? {
                vi: `Chưa có bộ quy định khuyến công địa phương của tỉnh áp dụng cho năm kế hoạch ${data.planYear}.`,
                en: `No local regulation set of the province covers plan year ${data.planYear}.`,
              }
            : {
                vi: `Chưa có bộ quy định quốc gia áp dụng cho năm kế hoạch ${data.planYear}.`,
                en: `No national regulation set covers plan year ${data.planYear}.`,
              },
        },
      ],
    });
  }
  const { set } = await assertUsableSet(tx, regulationSetId, data.planYear, provinceCode);
  const defaults = defaultDeadlineInstants(set, data.planYear);
  const registrationDeadline = data.registrationDeadline
    ? toDeadlineInstant(data.registrationDeadline)
    : defaults.registration;
  const dossierDeadline = data.dossierDeadline ? toDeadlineInstant(data.dossierDeadline) : defaults.dossier;
  assertDeadlineOrder(registrationDeadline, dossierDeadline);

  const values = {
    programme: provinceCode ? 'local' : 'national',
    provinceCode,
    planYear: data.planYear,
    status: data.status,
    registrationDeadline,
    dossierDeadline,
    budgetEnvelope: data.budgetEnvelope,
    regulationSetId,
    guidanceLetterNumber: data.guidanceLetter?.number ?? null,
    guidanceLetterDate: data.guidanceLetter?.date ?? null,
    orientations: data.orientations,
  };
  const [created] = await tx
    .insert(cycles)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning({ id: cycles.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'cycle.created',
    entityType: 'cycle',
    entityId: created.id,
    provinceCode,
    after: values,
    at: now,
  });
  return created.id;
}
