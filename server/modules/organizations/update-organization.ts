import { and, eq, isNull } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { dayBefore, vnDateOf } from '../../../domain/lib/dates';
import type { TUpdateOrganizationRequest } from '../../../domain/schemas/organizations';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { organizationNames, organizations } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { assertOrganizationShape } from './organization-rules';

/**
 * Edits an organisation. A new name is a rename: the old name stays in the history until the day
 * before `renamedFrom` (default today), as the agency's 2025 rename does.
 */
export async function updateOrganization(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TUpdateOrganizationRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'organizations.write');
  const [current] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, id))
    .for('update')
    .limit(1);
  if (!current) throw notFound();

  const next = {
    name: data.name ?? current.name,
    shortName: data.shortName === undefined ? current.shortName : data.shortName,
    provinceCode: data.provinceCode === undefined ? current.provinceCode : data.provinceCode,
    parentId: data.parentId === undefined ? current.parentId : data.parentId,
    active: data.active ?? current.active,
  };
  await assertOrganizationShape(tx, {
    id,
    kind: current.kind as TOrganizationKind,
    provinceCode: next.provinceCode,
    parentId: next.parentId,
    now,
  });

  const isRename = next.name !== current.name || next.shortName !== current.shortName;
  if (isRename) {
    const from = data.renamedFrom ?? vnDateOf(now);
    const [open] = await tx
      .select()
      .from(organizationNames)
      .where(and(eq(organizationNames.organizationId, id), isNull(organizationNames.validTo)))
      .limit(1);
    if (open && open.validFrom === from) {
      // Renamed again on the day the current name began: a correction, not a new period.
      await tx
        .update(organizationNames)
        .set({ name: next.name, shortName: next.shortName })
        .where(eq(organizationNames.id, open.id));
    } else if (open && open.validFrom > from) {
      throw new AppError('validation_failed', {
        errors: [
          {
            path: 'renamedFrom',
            code: 'invalid_value',
            message: {
              vi: 'Ngày đổi tên phải sau ngày bắt đầu của tên hiện tại.',
              en: 'The rename date must follow the start of the current name.',
            },
          },
        ],
      });
    } else {
      if (open) {
        await tx
          .update(organizationNames)
          .set({ validTo: dayBefore(from) })
          .where(eq(organizationNames.id, open.id));
      }
      await tx
        .insert(organizationNames)
        .values({ organizationId: id, name: next.name, shortName: next.shortName, validFrom: from });
    }
  }
  await tx
    .update(organizations)
    .set({ ...next, updatedAt: now })
    .where(eq(organizations.id, id));

  const before = {
    name: current.name,
    shortName: current.shortName,
    provinceCode: current.provinceCode,
    parentId: current.parentId,
    active: current.active,
  };
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: isRename ? 'organization.renamed' : 'organization.updated',
    entityType: 'organization',
    entityId: id,
    provinceCode: next.provinceCode,
    before,
    after: next,
    at: now,
  });
}
