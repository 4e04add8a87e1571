import { z } from 'zod';
import type { TActivityType } from '../enums/activity-types';
import { type TCapUnit, ZCertificateLevel, ZVnd } from './types';

/**
 * Activity-specific proposal fields (`proposal.fields`), typed per activity type. Forms and the API
 * validate with these schemas; the engine reads single fields with `readField`, so one bad value does
 * not hide the others during a live check.
 */

const ZCount = z.number().int().min(1);

/** The field counting the units a cap is multiplied by, per cap unit (`project` is always one). */
export const UNIT_COUNT_FIELDS = {
  model: 'models',
  establishment: 'establishments',
  cluster: 'clusters',
  brand: 'brands',
  enterprise: 'enterprises',
  product: 'products',
  round: 'rounds',
} as const satisfies Record<Exclude<TCapUnit, 'project'>, string>;

export const ZUnitCountFields = z.looseObject({
  models: ZCount.optional(),
  establishments: ZCount.optional(),
  clusters: ZCount.optional(),
  brands: ZCount.optional(),
  enterprises: ZCount.optional(),
  products: ZCount.optional(),
  rounds: ZCount.optional(),
});

/** One machine: its price and how many supplier quotations back it. */
export const ZMachineryItem = z.object({
  name: z.string().trim().min(1),
  price: ZVnd,
  quotations: z.number().int().min(0),
});
export type TMachineryItem = z.infer<typeof ZMachineryItem>;

export const ZMachineryFields = ZUnitCountFields.extend({
  items: z.array(ZMachineryItem).min(1),
  /** A whole technology line (dây chuyền công nghệ): cap up to 1.5× (TT 28/2018 Art. 8). */
  isTechnologyLine: z.boolean(),
});

export const ZClusterFields = ZUnitCountFields.extend({
  clusterName: z.string().trim().min(1),
  areaHa: z.number().positive(),
  legalDossierComplete: z.boolean(),
});

export const ZTypicalProductFields = ZUnitCountFields.extend({
  certificateLevel: ZCertificateLevel,
  certificateNumber: z.string().trim().min(1),
  validUntil: z.iso.date(),
  /**
   * Certificates referenced from the typical-product registry: the rule check reads their facts from the
   * registry (`TCheckableProposal.certificates`) instead of the typed claim above.
   */
  certificateIds: z.array(z.uuid()).max(20).optional(),
  /** Level of a selection round the project organises (regional or national), when it organises one. */
  selectionLevel: z.enum(['regional', 'national']).optional(),
});

export const ZOverseasFairFields = ZUnitCountFields.extend({
  /** Overseas fairs this establishment is supported to attend in the plan year, this one included. */
  fairsThisYear: ZCount,
});

export const ZDomesticFairFields = ZUnitCountFields.extend({
  /** An establishment attending a fair that is not a rural-industry or handicraft fair (80 % of booth rent). */
  isOtherFair: z.boolean().optional(),
});

export const ZAssociationFields = ZUnitCountFields.extend({
  linkageKind: z.enum(['linkage_cluster', 'association_regional', 'association_national']),
});

const CLUSTER_TYPES = ['cluster_planning', 'cluster_infrastructure', 'cluster_pollution_treatment'] as const;

/** The schema of `fields` for an activity type; types without specific fields only count units. */
export function activityFieldsSchema(activityType: TActivityType): z.ZodType<Record<string, unknown>> {
  if (activityType === 'machinery') return ZMachineryFields;
  if ((CLUSTER_TYPES as readonly string[]).includes(activityType)) return ZClusterFields;
  if (activityType === 'typical_product') return ZTypicalProductFields;
  if (activityType === 'trade_fair_overseas') return ZOverseasFairFields;
  if (activityType === 'trade_fair_domestic') return ZDomesticFairFields;
  if (activityType === 'association_linkage') return ZAssociationFields;
  return ZUnitCountFields;
}

/** One field of `fields`, if present as an own property and valid under `schema`. */
export function readField<T>(
  fields: Record<string, unknown> | undefined,
  name: string,
  schema: z.ZodType<T>,
): T | undefined {
  if (!fields || !Object.hasOwn(fields, name)) return undefined;
  const parsed = schema.safeParse(fields[name]);
  return parsed.success ? parsed.data : undefined;
}

/** How many units (models, establishments…) a proposal covers; 1 when absent or not a positive integer. */
export function readUnits(fields: Record<string, unknown> | undefined, unit: TCapUnit): number {
  if (unit === 'project') return 1;
  return readField(fields, UNIT_COUNT_FIELDS[unit], ZCount) ?? 1;
}
