import { z } from 'zod';
import { ACTIVITY_TYPES } from '../enums/activity-types';
import { ZIsoDate, zText } from './common';

/** Programmes for a period and their targets (issue #8): entered by administrators. */

export const ZProgrammeTargetInput = z.object({
  /** A stable key within the programme, e.g. `demonstration_models`. */
  metric: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/),
  nameVi: zText(200),
  nameEn: zText(200),
  /** The activity types whose projects feed the target. */
  activityTypes: z
    .array(z.enum(ACTIVITY_TYPES))
    .min(1)
    .max(ACTIVITY_TYPES.length)
    .refine((a) => new Set(a).size === a.length, { message: 'Duplicate activity type' }),
  target: z.number().int().min(0).max(10_000_000),
});
export type TProgrammeTargetInput = z.infer<typeof ZProgrammeTargetInput>;

const ZProgrammeBase = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  scope: z.enum(['national', 'local']),
  /** Required for a local programme (a province code in force), absent for the national one. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullish(),
  name: zText(300),
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100),
  decisionNumber: z.string().trim().max(100).nullish(),
  decisionDate: ZIsoDate.nullish(),
  targets: z
    .array(ZProgrammeTargetInput)
    .max(50)
    .refine((t) => new Set(t.map((x) => x.metric)).size === t.length, { message: 'Duplicate metric' }),
});

const refinePeriod = <T extends { fromYear?: number; toYear?: number }>(p: T) =>
  p.fromYear === undefined || p.toYear === undefined || p.toYear >= p.fromYear;

export const ZCreateProgrammeRequest = ZProgrammeBase.refine(refinePeriod, {
  path: ['toYear'],
  message: 'toYear ≥ fromYear',
}).refine((p) => (p.scope === 'local') === Boolean(p.provinceCode), {
  path: ['provinceCode'],
  message: 'A local programme names its province; the national one none',
});
export type TCreateProgrammeRequest = z.infer<typeof ZCreateProgrammeRequest>;

export const ZUpdateProgrammeRequest = ZProgrammeBase.omit({ code: true, scope: true, provinceCode: true })
  .partial()
  .refine(refinePeriod, { path: ['toYear'], message: 'toYear ≥ fromYear' });
export type TUpdateProgrammeRequest = z.infer<typeof ZUpdateProgrammeRequest>;

export const ZProgrammeTarget = ZProgrammeTargetInput.extend({
  id: z.uuid(),
  /** Approved projects (approved and beyond) of those types in the programme's period and scope. */
  approved: z.number().int(),
  /** Accepted projects (accepted, settled, closed) among them. */
  accepted: z.number().int(),
  /** accepted / target, 0–1+ (null when the target is 0). */
  progress: z.number().nullable(),
});

export const ZProgramme = z.object({
  id: z.uuid(),
  code: z.string(),
  scope: z.enum(['national', 'local']),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  name: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  targets: z.array(ZProgrammeTarget),
});
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZProgrammesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  scope: z.enum(['national', 'local']).optional(),
});
