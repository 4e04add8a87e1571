import { z } from 'zod';
import { ZBooleanQuery } from './common';
import { ZPlanYear, ZProgramme } from './cycles';
import { ZProposalsQuery } from './proposals';

/**
 * Excel and Word in and out for proposals (issue #5, api.md): the registration table (Biểu tổng hợp,
 * Mẫu số 2) exported with the list's filters and imported back; the registration letter and the project
 * outline as Word.
 */

/** The list's filters, without paging: the export holds every matching proposal. */
export const ZProposalsExportQuery = ZProposalsQuery.omit({ page: true, pageSize: true });
export type TProposalsExportQuery = z.infer<typeof ZProposalsExportQuery>;

export const ZProposalsImportQuery = z.object({
  planYear: ZPlanYear,
  /** Default true: nothing is written unless `dryRun=false`. */
  dryRun: ZBooleanQuery.default(true),
});

export const ZImportError = z.object({
  /** The row number in the sheet, as Excel shows it. */
  row: z.number().int(),
  /** The column letter (A, B…). */
  column: z.string(),
  /** The layout key of the column, e.g. `budgetRequested`. */
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type TImportError = z.infer<typeof ZImportError>;

export const ZProposalsImportResult = z.object({
  dryRun: z.boolean(),
  /** Rows read (the totals row and empty rows excluded). */
  rows: z.number().int(),
  /** Proposals created (in a dry run: that would be created). */
  created: z.number().int(),
  /** Drafts updated (matched by code). */
  updated: z.number().int(),
  /** Rows identical to the stored proposal (no change). */
  unchanged: z.number().int(),
  errors: z.array(ZImportError),
});
export type TProposalsImportResult = z.infer<typeof ZProposalsImportResult>;

export const ZCopyProposalsRequest = z.object({
  fromPlanYear: ZPlanYear,
  toPlanYear: ZPlanYear,
  /**
   * Which programme's table: the national one (default), or `local` — the caller's province's local
   * (KCĐP) proposals into its local cycle of `toPlanYear`, numbered KCĐP-….
   */
  programme: ZProgramme.default('national'),
});
export type TCopyProposalsRequest = z.infer<typeof ZCopyProposalsRequest>;

export const ZCopyProposalsResult = z.object({ created: z.number().int(), codes: z.array(z.string()) });

/** The 422 of a commit with errors: a problem (`import_rejected`) that also carries the import's result. */
export const ZProposalsImportRejected = ZProposalsImportResult.extend({
  type: z.string(),
  title: z.string(),
  status: z.literal(422),
  code: z.literal('import_rejected'),
  detail: z.string(),
  requestId: z.string(),
});
