import type { TAuditAction } from '../modules/audit/audit-actions';

/**
 * R7: every route that returns a file (a download or an export) writes a READ audit event, naming who
 * read what. One entry per such route: the audit action it writes, or why it is exempt (no private
 * data). `server/security/file-reads.test.ts` fails for a GET route that looks like a file (by its
 * URL: `.xlsx`, `.docx`, `.csv`, `.pdf`, `.zip`, `/content`, `/scan`, `/import-template`, `/open-data/…`)
 * without an entry here, and calls every audited entry, asserting the event was written by that very
 * request (its `request_id`). `khuyencong backup` (a command, not a route) writes `backup.created`.
 */
export type TFileRoute =
  | { audit: TAuditAction }
  /**
   * Audited, and proven by the module's own test (which must name the action) rather than called by
   * file-reads.test.ts, because its fixture is a long journey (an implementation-phase project).
   */
  | { audit: TAuditAction; provedBy: string }
  | { exempt: string };

export const FILE_ROUTES: Record<string, TFileRoute> = {
  'GET /api/v1/proposals/export.xlsx': { audit: 'proposal.list_exported' },
  'GET /api/v1/proposals/:id/outline.docx': { audit: 'proposal.outline_exported' },
  'GET /api/v1/registrations/:id/letter.docx': { audit: 'registration.letter_exported' },
  'GET /api/v1/documents/:id/content': { audit: 'document.downloaded' },
  'GET /api/v1/proposals/:id/receipt.docx': { audit: 'document.receipt_exported' },
  'GET /api/v1/proposals/:id/appraisal-minutes.docx': { audit: 'appraisal.minutes_exported' },
  'GET /api/v1/plans/:planYear/export.xlsx': { audit: 'plan.exported' },
  'GET /api/v1/plans/:planYear/export.docx': { audit: 'plan.exported' },
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.xlsx': { audit: 'plan.exported' },
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.docx': { audit: 'plan.exported' },
  'GET /api/v1/reports/province.xlsx': { audit: 'report.exported' },
  'GET /api/v1/reports/province.docx': { audit: 'report.exported' },
  'GET /api/v1/typical-products/:id/scan': { audit: 'typical_product.scan_downloaded' },
  'GET /api/v1/implementation-photos/:id/content': {
    audit: 'implementation_photo.downloaded',
    provedBy: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'GET /api/v1/typical-products/import-template': {
    exempt: 'a blank template: headers and an example row, no data of anyone',
  },
  'GET /api/v1/open-data/plans/:file': {
    exempt: 'open data of an approved plan, published to anyone without personal data (issue #6)',
  },
};

/** Whether a GET route's URL looks like it returns a file (the test's completeness check). */
export function looksLikeFileRoute(url: string): boolean {
  return /\.(xlsx|docx|csv|pdf|zip)$|\/content$|\/scan$|\/import-template$|\/open-data\//.test(url);
}
