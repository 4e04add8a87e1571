import { vnDateOf } from '../../../domain/lib/dates';
import type { TCreateOrganizationRequest } from '../../../domain/schemas/organizations';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { organizationNames, organizations } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { assertOrganizationShape } from './organization-rules';

export async function createOrganization(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  data: TCreateOrganizationRequest;
}): Promise<string> {
  const { actor, tx, now, data } = input;
  assertCan(actor, 'organizations.write');
  const provinceCode = data.provinceCode ?? null;
  const parentId = data.parentId ?? null;
  await assertOrganizationShape(tx, { kind: data.kind, provinceCode, parentId, now });
  const [created] = await tx
    .insert(organizations)
    .values({ kind: data.kind, name: data.name, shortName: data.shortName ?? null, provinceCode, parentId })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await tx.insert(organizationNames).values({
    organizationId: created.id,
    name: created.name,
    shortName: created.shortName,
    validFrom: vnDateOf(now),
  });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'organization.created',
    entityType: 'organization',
    entityId: created.id,
    provinceCode,
    after: { kind: created.kind, name: created.name, shortName: created.shortName, provinceCode, parentId },
    at: now,
  });
  return created.id;
}
