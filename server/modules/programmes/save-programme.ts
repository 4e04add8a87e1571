import { and, eq, isNull } from 'drizzle-orm';
import type {
  TCreateProgrammeRequest,
  TProgrammeTargetInput,
  TUpdateProgrammeRequest,
} from '../../../domain/schemas/programmes';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { adminUnits, programmes, programmeTargets } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProgramme } from './programmes.repository';

async function replaceTargets(tx: TTx, programmeId: string, targets: readonly TProgrammeTargetInput[]) {
  await tx.delete(programmeTargets).where(eq(programmeTargets.programmeId, programmeId));
  if (targets.length === 0) return;
  await tx.insert(programmeTargets).values(
    targets.map((t, position) => ({
      programmeId,
      metric: t.metric,
      nameVi: t.nameVi,
      nameEn: t.nameEn,
      activityTypes: t.activityTypes,
      target: t.target,
      position,
    })),
  );
}

/** A programme for a period with its targets (administrators). A local one names a province in force. */
export async function createProgramme(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCreateProgrammeRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'programmes.write');
  if (data.scope === 'local') {
    const [unit] = await tx
      .select({ code: adminUnits.code })
      .from(adminUnits)
      .where(and(eq(adminUnits.code, data.provinceCode ?? ''), isNull(adminUnits.validTo)));
    if (!unit) {
      throw new AppError('validation_failed', {
        errors: [
          {
            path: 'provinceCode',
            code: 'unknown_province',
            message: {
              vi: 'Không có tỉnh, thành phố hiện hành với mã này.',
              en: 'No province in force has this code.',
            },
          },
        ],
      });
    }
  }
  const [clash] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.code, data.code));
  if (clash) {
    throw new AppError('conflict', {
      detail: {
        vi: `Mã chương trình ${data.code} đã có.`,
        en: `Programme code ${data.code} already exists.`,
      },
    });
  }
  const [created] = await tx
    .insert(programmes)
    .values({
      code: data.code,
      scope: data.scope,
      provinceCode: data.scope === 'local' ? (data.provinceCode ?? null) : null,
      name: data.name,
      fromYear: data.fromYear,
      toYear: data.toYear,
      decisionNumber: data.decisionNumber ?? null,
      decisionDate: data.decisionDate ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: programmes.id });
  if (!created) throw new Error('insert returned nothing');
  await replaceTargets(tx, created.id, data.targets);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'programme.created',
    entityType: 'programme',
    entityId: created.id,
    provinceCode: data.scope === 'local' ? (data.provinceCode ?? null) : null,
    after: data,
    at: now,
  });
  return created.id;
}

export async function updateProgramme(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TUpdateProgrammeRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'programmes.write');
  const before = await findProgramme(tx, id, { forUpdate: true });
  if (!before) throw notFound();
  const fromYear = data.fromYear ?? before.fromYear;
  const toYear = data.toYear ?? before.toYear;
  if (toYear < fromYear) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'toYear',
          code: 'too_small',
          message: {
            vi: 'Năm kết thúc phải từ năm bắt đầu trở đi.',
            en: 'toYear must be at least fromYear.',
          },
        },
      ],
    });
  }
  const { targets, ...fields } = data;
  await tx
    .update(programmes)
    .set({ ...fields, updatedAt: now })
    .where(eq(programmes.id, id));
  if (targets) await replaceTargets(tx, id, targets);
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'programme.updated',
    entityType: 'programme',
    entityId: id,
    provinceCode: before.provinceCode,
    before: { name: before.name, fromYear: before.fromYear, toYear: before.toYear },
    after: data,
    at: now,
  });
}
