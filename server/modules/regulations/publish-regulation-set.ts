import { sql } from 'drizzle-orm';
import { ZRegulationSet } from '../../../domain/regulation';
import { assertCan, auditActor, isAgencyActor, type TActor } from '../../access/actor';
import { regulationSets } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound, type TFieldError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { countNeedsVerification } from './regulations.presenter';
import {
  findLatestVersion,
  findRegulationSet,
  moveOpenCyclesToVersion,
  type TRegulationSetRow,
} from './regulations.repository';

/** What the audit trail keeps of a version (the body itself stays in its immutable row). */
function auditSummary(row: TRegulationSetRow) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    effectiveFromYear: row.effectiveFromYear,
    effectiveToYear: row.effectiveToYear,
    needsVerificationCount: countNeedsVerification(row.body),
  };
}

/**
 * Publishes a new version of a regulation set (copy-on-write: rows are never updated). The new version
 * must be based on the newest one — otherwise someone published meanwhile and the caller gets 409 —
 * and keeps its code, programme and province. Every cycle that is not closed, ran under any version
 * of the code and falls in the new version's years moves to it; closed cycles keep the rules they ran
 * under, so a version used by a closed cycle is never changed.
 *
 * @returns the new version's id and the cycles moved to it.
 */
export async function publishRegulationSet(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: { basedOnId: string; body: unknown; note?: string | undefined };
}): Promise<{ id: string; movedCycles: { id: string; planYear: number }[] }> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'regulations.write');
  if (actor.via !== 'system' && !isAgencyActor(actor)) {
    // A province's staff publish versions of their own province's local (KCĐP) set only (issue #7).
    const target = await findRegulationSet(tx, data.basedOnId);
    if (!target) throw notFound();
    if (target.row.programme !== 'local' || target.row.provinceCode !== actor.provinceCode) {
      throw new AppError('forbidden');
    }
  }

  const parsed = ZRegulationSet.safeParse(data.body);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      errors: parsed.error.issues.map(
        (issue): TFieldError => ({
          path: ['body', ...issue.path.map(String)].join('.'),
          code: issue.code,
          // Custom rules explain themselves; the others get the localised message of their code.
          ...(issue.code === 'custom' ? { message: issue.message } : {}),
        }),
      ),
    });
  }
  const body = parsed.data;

  const basedOn = await findRegulationSet(tx, data.basedOnId);
  if (!basedOn) throw notFound();
  const base = basedOn.row;
  // Publishers of one code queue here, so the "newest version" check below cannot race.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`regulation_set:${base.code}`}))`);
  const latest = await findLatestVersion(tx, base.code);
  if (!latest || latest.id !== base.id) {
    throw new AppError('conflict', {
      detail: {
        vi: `Đã có phiên bản ${latest?.version ?? '?'} mới hơn của bộ quy định ${base.code}; hãy tải lại và sửa trên phiên bản mới nhất.`,
        en: `Version ${latest?.version ?? '?'} of regulation set ${base.code} is newer; reload and edit the newest version.`,
      },
    });
  }

  const mismatches: TFieldError[] = [];
  const mismatch = (field: 'code' | 'programme' | 'provinceCode', vi: string, en: string) =>
    mismatches.push({ path: `body.${field}`, code: 'invalid_value', message: { vi, en } });
  if (body.code !== base.code) {
    mismatch('code', `Mã bộ quy định phải giữ là ${base.code}.`, `The code must stay ${base.code}.`);
  }
  if (body.programme !== base.programme) {
    mismatch('programme', 'Không đổi được chương trình của bộ quy định.', 'The programme cannot change.');
  }
  if (body.provinceCode !== base.provinceCode) {
    mismatch('provinceCode', 'Không đổi được tỉnh của bộ quy định.', 'The province cannot change.');
  }
  if (mismatches.length > 0) throw new AppError('validation_failed', { errors: mismatches });

  const [created] = await tx
    .insert(regulationSets)
    .values({
      code: base.code,
      version: latest.version + 1,
      name: body.name,
      programme: body.programme,
      provinceCode: body.provinceCode,
      effectiveFromYear: body.effectiveFromYear,
      effectiveToYear: body.effectiveToYear,
      body,
      previousId: base.id,
      note: data.note ?? null,
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
    })
    .returning();
  if (!created) throw new Error('insert returned nothing');

  const moved = await moveOpenCyclesToVersion(tx, {
    code: base.code,
    newId: created.id,
    fromYear: body.effectiveFromYear,
    toYear: body.effectiveToYear,
    now,
  });
  const movedCycles = moved.map((c) => ({ id: c.id, planYear: c.planYear }));

  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'regulation_set.published',
    entityType: 'regulation_set',
    entityId: created.id,
    provinceCode: created.provinceCode,
    before: auditSummary(base),
    after: { ...auditSummary(created), previousId: base.id, note: created.note, movedCycles },
    at: now,
  });
  return { id: created.id, movedCycles };
}
