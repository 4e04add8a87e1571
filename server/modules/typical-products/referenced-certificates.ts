import { z } from 'zod';
import type { TReferencedCertificate } from '../../../domain/regulation';
import type { TDbOrTx } from '../../platform/db';
import { toReferencedCertificate } from './typical-products.presenter';
import { findCertificatesByIds } from './typical-products.repository';

const ZIds = z.array(z.uuid()).max(20);

/**
 * The registry's facts of the certificates a proposal references (`fields.certificateIds`), for the rule
 * check: the engine stays pure and gets them as input. Ids that are not uuids or not in the registry are
 * left out (the engine then reports them as not found).
 */
export async function referencedCertificates(
  db: TDbOrTx,
  fields: Record<string, unknown> | null | undefined,
): Promise<TReferencedCertificate[]> {
  const raw = fields?.certificateIds;
  if (!Array.isArray(raw)) return [];
  const ids = raw.filter((id): id is string => ZIds.element.safeParse(id).success).slice(0, 20);
  return (await findCertificatesByIds(db, ids)).map(toReferencedCertificate);
}
