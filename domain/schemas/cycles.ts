import { z } from 'zod';
import { CYCLE_STATUSES, DEADLINE_STAGES } from '../workflow/cycle';
import { ZInstant, ZIsoDate, ZPageQuery, zText } from './common';

/** API contract of plan cycles and per-organisation extensions (api.md: `/api/v1/cycles`). */

export const ZPlanYear = z.coerce.number().int().min(2000).max(2100);
export const ZPlanYearParams = z.object({ planYear: ZPlanYear });

/** The programme of a cycle: the national one (KCQG), or a province's local one (KCĐP, domain.md §3.7). */
export const ZProgramme = z.enum(['national', 'local']);
export type TProgramme = z.infer<typeof ZProgramme>;
const ZCycleProvinceCode = z.string().regex(/^\d{2}$/, 'two digits');

/** `?provinceCode=24` names the local (KCĐP) cycle of that province; without it, the national cycle. */
export const ZCycleQuery = z.object({ provinceCode: ZCycleProvinceCode.optional() });

/** The list of cycles the caller may see: national ones, and the local ones of their province (all for the agency). */
export const ZCyclesQuery = ZPageQuery.extend({
  programme: ZProgramme.optional(),
  provinceCode: ZCycleProvinceCode.optional(),
});

/** A deadline: an instant, or a date meaning the end of that day in Vietnam (23:59:59). */
export const ZDeadlineInput = z.union([ZInstant, ZIsoDate]);

export const ZOrientation = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'lowercase letters, digits, - and _'),
  label: zText(300),
});
export type TOrientation = z.infer<typeof ZOrientation>;

const ZOrientations = z
  .array(ZOrientation)
  .max(50)
  .refine((list) => new Set(list.map((o) => o.code)).size === list.length, {
    message: 'Duplicate orientation code',
  });

export const ZGuidanceLetter = z.object({ number: zText(100), date: ZIsoDate });

/** The effective deadline of a stage for one organisation: the stage's, or a later extension's. */
export const ZEffectiveDeadline = z.object({
  deadline: ZInstant,
  extended: z.boolean(),
  isOpen: z.boolean(),
});

export const ZCycle = z.object({
  id: z.uuid(),
  planYear: z.number().int(),
  programme: ZProgramme,
  /** Null for the national programme; the province of a local (KCĐP) cycle. */
  provinceCode: z.string().nullable(),
  status: z.enum(CYCLE_STATUSES),
  registrationDeadline: ZInstant,
  dossierDeadline: ZInstant,
  budgetEnvelope: z.number().int(),
  regulationSetId: z.uuid(),
  regulationSetName: z.string(),
  guidanceLetter: ZGuidanceLetter.nullable(),
  orientations: z.array(ZOrientation),
  /** The caller's organisation's deadlines (with its extensions), for countdowns. */
  myDeadlines: z.object({ registration: ZEffectiveDeadline, dossier: ZEffectiveDeadline }),
  /**
   * Whether the caller may change this cycle (`PATCH /cycles/{planYear}`): a national one the agency's
   * administrator; a local one also its province's Sở Công Thương (or extension centre).
   */
  mayEdit: z.boolean(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TCycle = z.infer<typeof ZCycle>;

/**
 * A national cycle (the agency's administrator), or with `programme: 'local'` and `provinceCode` a
 * province's KCĐP cycle under a local regulation set of the same province (its Sở or the agency). The
 * deadlines of a local cycle are the province's choice (default: the set's).
 */
export const ZCreateCycleRequest = z
  .object({
    planYear: ZPlanYear,
    programme: ZProgramme.default('national'),
    /** Required for a local cycle, forbidden for a national one. */
    provinceCode: ZCycleProvinceCode.optional(),
    /** Default: the regulation set's default deadline, at the end of that day in Vietnam. */
    registrationDeadline: ZDeadlineInput.optional(),
    dossierDeadline: ZDeadlineInput.optional(),
    budgetEnvelope: z.number().int().nonnegative().default(0),
    status: z.enum(CYCLE_STATUSES).default('draft'),
    /** Default: the newest national set in force for the plan year. */
    regulationSetId: z.uuid().optional(),
    guidanceLetter: ZGuidanceLetter.optional(),
    orientations: ZOrientations.default([]),
  })
  .superRefine((v, ctx) => {
    if (v.programme === 'local' && !v.provinceCode)
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'Required for a local cycle' });
    if (v.programme === 'national' && v.provinceCode)
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'Not allowed for a national cycle' });
  });
export type TCreateCycleRequest = z.infer<typeof ZCreateCycleRequest>;

export const ZUpdateCycleRequest = z.object({
  registrationDeadline: ZDeadlineInput.optional(),
  dossierDeadline: ZDeadlineInput.optional(),
  budgetEnvelope: z.number().int().nonnegative().optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
  regulationSetId: z.uuid().optional(),
  guidanceLetter: ZGuidanceLetter.nullable().optional(),
  orientations: ZOrientations.optional(),
});
export type TUpdateCycleRequest = z.infer<typeof ZUpdateCycleRequest>;

export const ZExtension = z.object({
  id: z.uuid(),
  planYear: z.number().int(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  provinceCode: z.string().nullable(),
  stage: z.enum(DEADLINE_STAGES),
  until: ZInstant,
  reason: z.string(),
  grantedBy: z.uuid().nullable(),
  createdAt: ZInstant,
});
export type TExtension = z.infer<typeof ZExtension>;

export const ZCreateExtensionRequest = z.object({
  organizationId: z.uuid(),
  stage: z.enum(DEADLINE_STAGES),
  until: ZDeadlineInput,
  reason: zText(2000),
});
export type TCreateExtensionRequest = z.infer<typeof ZCreateExtensionRequest>;
