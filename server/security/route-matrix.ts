/**
 * One entry per route of the API (R3): what rows it touches and which test proves the province and
 * organisation boundaries for it. `server/security/route-matrix.test.ts` fails for a route without an
 * entry and for an entry without a route. Kinds of rows:
 * - `public`: nothing private (health, login, reference lists readable without signing in);
 * - `self`: the caller's own account only;
 * - `reference`: shared reference data every signed-in user may read (admin units, regulation sets…);
 * - `agency`: agency-wide data behind an agency-only permission;
 * - `province`: province-private rows, scoped by `scopeCondition` (the proof walks own/other province);
 * - `organisation`: rows private to one organisation (the proof walks own/other organisation).
 */
export type TRouteRows = 'public' | 'self' | 'reference' | 'agency' | 'province' | 'organisation';
export type TRouteEntry = { rows: TRouteRows; proof?: string };

export const ROUTE_MATRIX: Record<string, TRouteEntry> = {
  'GET /api/v1/health': { rows: 'public' },
  'GET /api/v1/openapi.json': { rows: 'public' },
  'POST /api/v1/auth/login': { rows: 'public' },
  'POST /api/v1/auth/logout': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/auth/set-password': { rows: 'public' },
  'GET /api/v1/me': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'PATCH /api/v1/me': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/me/password': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'GET /api/v1/me/tokens': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'POST /api/v1/me/tokens': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'DELETE /api/v1/me/tokens/:id': { rows: 'self', proof: 'server/modules/auth/auth.test.ts' },
  'GET /api/v1/me/second-factor': { rows: 'self', proof: 'server/modules/auth/second-factor.test.ts' },
  'POST /api/v1/me/second-factor/totp': { rows: 'self', proof: 'server/modules/auth/second-factor.test.ts' },
  'POST /api/v1/me/second-factor/totp/confirm': {
    rows: 'self',
    proof: 'server/modules/auth/second-factor.test.ts',
  },
  'POST /api/v1/me/second-factor/recovery-codes': {
    rows: 'self',
    proof: 'server/modules/auth/second-factor.test.ts',
  },
  'POST /api/v1/me/second-factor/totp/disable': {
    rows: 'self',
    proof: 'server/modules/auth/second-factor.test.ts',
  },
  'GET /api/v1/admin-units': { rows: 'public' },
  'GET /api/v1/admin-units/:code/history': { rows: 'public' },
  'GET /api/v1/activity-types': { rows: 'public' },
  'GET /api/v1/organizations': {
    rows: 'province',
    proof: 'server/modules/organizations/organizations.test.ts',
  },
  'GET /api/v1/organizations/:id': {
    rows: 'province',
    proof: 'server/modules/organizations/organizations.test.ts',
  },
  'POST /api/v1/organizations': {
    rows: 'province',
    proof: 'server/modules/organizations/organizations.test.ts',
  },
  'PATCH /api/v1/organizations/:id': {
    rows: 'province',
    proof: 'server/modules/organizations/organizations.test.ts',
  },
  'GET /api/v1/users': { rows: 'province', proof: 'server/modules/users/users.test.ts' },
  'GET /api/v1/users/:id': { rows: 'province', proof: 'server/modules/users/users.test.ts' },
  'POST /api/v1/users': { rows: 'province', proof: 'server/modules/users/users.test.ts' },
  'PATCH /api/v1/users/:id': { rows: 'province', proof: 'server/modules/users/users.test.ts' },
  'GET /api/v1/audit-events': { rows: 'agency', proof: 'server/modules/audit/audit.test.ts' },
  'GET /api/v1/cycles': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'GET /api/v1/cycles/:planYear': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/cycles': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'PATCH /api/v1/cycles/:planYear': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/cycles/:planYear/extensions': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/cycles/:planYear/extensions': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'GET /api/v1/proposals/status-counts': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'GET /api/v1/proposals/:id': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'PATCH /api/v1/proposals/:id': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'DELETE /api/v1/proposals/:id': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals/:id/checks': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/registrations': { rows: 'province', proof: 'server/modules/proposals/access-matrix.test.ts' },
  'POST /api/v1/proposals/:id/base-appraisal': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/submit': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/return': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/withdraw': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals/export.xlsx': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/import': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/copy': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals/:id/outline.docx': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/registrations/:id/letter.docx': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/stats': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'GET /api/v1/stats/lagging': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'GET /api/v1/search': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'GET /api/v1/programmes': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'GET /api/v1/programmes/:id': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'POST /api/v1/programmes': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'PATCH /api/v1/programmes/:id': { rows: 'province', proof: 'server/modules/stats/access-matrix.test.ts' },
  'GET /api/v1/regulation-sets': {
    rows: 'reference',
    proof: 'server/modules/regulations/regulations.test.ts',
  },
  'GET /api/v1/regulation-sets/:id': {
    rows: 'reference',
    proof: 'server/modules/regulations/regulations.test.ts',
  },
  'POST /api/v1/regulation-sets': {
    rows: 'reference',
    proof: 'server/modules/regulations/regulations.test.ts',
  },
  'POST /api/v1/regulation-sets/:id/check': {
    rows: 'reference',
    proof: 'server/modules/regulations/regulations.test.ts',
  },
  'POST /api/v1/proposals/:id/documents': {
    rows: 'province',
    proof: 'server/modules/documents/documents.test.ts',
  },
  'GET /api/v1/proposals/:id/documents': {
    rows: 'province',
    proof: 'server/modules/documents/documents.test.ts',
  },
  'GET /api/v1/documents/:id/content': {
    rows: 'province',
    proof: 'server/modules/documents/documents.test.ts',
  },
  'GET /api/v1/proposals/:id/receipt': {
    rows: 'province',
    proof: 'server/modules/documents/documents.test.ts',
  },
  'GET /api/v1/proposals/:id/receipt.docx': {
    rows: 'province',
    proof: 'server/modules/documents/documents.test.ts',
  },
  'POST /api/v1/uploads': { rows: 'province', proof: 'server/modules/documents/documents.test.ts' },
  'PATCH /api/v1/uploads/:id': { rows: 'province', proof: 'server/modules/documents/documents.test.ts' },
  'DELETE /api/v1/uploads/:id': { rows: 'province', proof: 'server/modules/documents/documents.test.ts' },
  'GET /api/v1/appraisal/inbox': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/appraisal/accept': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/appraisal/queue': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/appraisal-assignments': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals/:id/appraisals': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'PUT /api/v1/proposals/:id/appraisals/mine': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/appraisals/mine/submit': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'POST /api/v1/proposals/:id/decision': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/proposals/:id/appraisal-minutes.docx': {
    rows: 'province',
    proof: 'server/modules/proposals/access-matrix.test.ts',
  },
  'GET /api/v1/plans/:planYear': { rows: 'province', proof: 'server/modules/plans/plans.test.ts' },
  'POST /api/v1/plans/:planYear/approve': { rows: 'province', proof: 'server/modules/plans/plans.test.ts' },
  'GET /api/v1/plans/:planYear/export.xlsx': {
    rows: 'province',
    proof: 'server/modules/plans/plans.test.ts',
  },
  'GET /api/v1/plans/:planYear/export.docx': {
    rows: 'province',
    proof: 'server/modules/plans/plans.test.ts',
  },
  'GET /api/v1/open-data/plans/:file': { rows: 'public' },
  'POST /api/v1/local-appraisal/accept': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'POST /api/v1/proposals/:id/local-decision': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'GET /api/v1/local-plans/:provinceCode/:planYear': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'POST /api/v1/local-plans/:provinceCode/:planYear/approve': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.xlsx': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.docx': {
    rows: 'province',
    proof: 'server/modules/plans/local-plans.test.ts',
  },
  'GET /api/v1/reports/province': {
    rows: 'province',
    proof: 'server/modules/reports/province-report.test.ts',
  },
  'GET /api/v1/reports/province.xlsx': {
    rows: 'province',
    proof: 'server/modules/reports/province-report.test.ts',
  },
  'GET /api/v1/reports/province.docx': {
    rows: 'province',
    proof: 'server/modules/reports/province-report.test.ts',
  },
  'GET /api/v1/proposals/:id/implementation': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/contract': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/advances': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/progress-reports': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/adjustments': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/inspections': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/acceptance': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/settlement': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/proposals/:id/close': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'GET /api/v1/proposals/:id/progress-reports': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'GET /api/v1/progress-reports/overdue': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'GET /api/v1/progress-reports/due': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'GET /api/v1/implementation/late-settlements': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'POST /api/v1/inspections/:id/photos': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'POST /api/v1/proposals/:id/progress-reports/:month/photos': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'GET /api/v1/implementation-photos/:id/content': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation-ui.test.ts',
  },
  'POST /api/v1/adjustments/:id/decision': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'POST /api/v1/inspections/:id/result': {
    rows: 'province',
    proof: 'server/modules/implementation/implementation.test.ts',
  },
  'GET /api/v1/typical-products': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'POST /api/v1/typical-products': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'GET /api/v1/typical-products/import-template': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'POST /api/v1/typical-products/import': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'GET /api/v1/typical-products/:id': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'PATCH /api/v1/typical-products/:id': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'PUT /api/v1/typical-products/:id/reports/:year': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'POST /api/v1/typical-products/:id/scan': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
  'GET /api/v1/typical-products/:id/scan': {
    rows: 'province',
    proof: 'server/modules/typical-products/typical-products.test.ts',
  },
};
