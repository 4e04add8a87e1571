import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as regulation from '../../domain/regulation';
import { auditEvents, proposalDocuments, registrations } from '../db/schema';
import { addAppraisers, recommend, submittedProposal } from '../modules/appraisals/test-support';
import { ORIENTATIONS, setUpWorld, type TWorld } from '../modules/proposals/test-fixtures';
import { seedRegulationSets } from '../modules/regulations';
import { certificatePayload, postFile } from '../modules/typical-products/test-support';
import type { TClient } from '../test/harness';
import { createHarness, type THarness } from '../test/harness';
import { pdf } from '../test/sample-files';
import { FILE_ROUTES, looksLikeFileRoute } from './file-routes';

/**
 * R7, reads audited: every route that returns a file writes a read audit event. Over the whole route
 * table: a file-looking GET route must be declared in `file-routes.ts`; then every declared, audited
 * route is called on a real world (a submitted, appraised and recommended proposal with its dossier, a
 * registration letter, the national and local plans, a province report, a certificate scan) and the
 * event must carry the request's own id and the declared action.
 */
let h: THarness;
let w: TWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  const people = await addAppraisers(h, w);
  // A local (KCĐP) plan of Bắc Ninh, when the local programme is in this tree.
  const localSets = (regulation as Record<string, unknown>).LOCAL_REGULATION_SETS;
  if (localSets && h.app.routeTable.some((r) => r.url.startsWith('/api/v1/local-plans/'))) {
    await seedRegulationSets(h.db, localSets as Parameters<typeof seedRegulationSets>[1]);
    const local = await w.bacNinhOfficer!.post('/api/v1/cycles', {
      planYear: 2026,
      programme: 'local',
      provinceCode: '24',
      status: 'open',
      budgetEnvelope: 1_000_000_000,
      registrationDeadline: '2025-07-15',
      dossierDeadline: '2025-10-15',
      orientations: ORIENTATIONS,
    });
    expect(local.statusCode, local.body).toBe(201);
  }
  const a = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình trình diễn sấy chè' });
  ids.proposal = a.id;
  h.clock.set('2025-10-20T02:00:00Z');
  await recommend(w, { key: 'td1', userId: people.td1! }, [{ id: a.id, funding: 400_000_000 }]);
  const [document] = await h.db
    .select({ id: proposalDocuments.id })
    .from(proposalDocuments)
    .where(eq(proposalDocuments.proposalId, a.id))
    .limit(1);
  ids.document = document!.id;
  const [registration] = await h.db.select({ id: registrations.id }).from(registrations).limit(1);
  ids.registration = registration!.id;
  const cert = await w.agencyOfficer!.post('/api/v1/typical-products', certificatePayload());
  expect(cert.statusCode, cert.body).toBe(201);
  ids.certificate = cert.json().id;
  const scan = await postFile(h, w.agencyOfficer!, `/api/v1/typical-products/${ids.certificate}/scan`, {
    fileName: 'Giấy chứng nhận.pdf',
    data: pdf(),
  });
  expect(scan.statusCode, scan.body).toBe(200);
}, 240_000);
afterAll(() => h?.close());

/** How to call each audited file route: who, and the concrete URL. */
const CALLS: Record<string, () => [TClient, string]> = {
  'GET /api/v1/proposals/export.xlsx': () => [
    w.laoCaiOfficer!,
    '/api/v1/proposals/export.xlsx?planYear=2026',
  ],
  'GET /api/v1/proposals/:id/outline.docx': () => [
    w.laoCaiOfficer!,
    `/api/v1/proposals/${ids.proposal}/outline.docx`,
  ],
  'GET /api/v1/registrations/:id/letter.docx': () => [
    w.laoCaiOfficer!,
    `/api/v1/registrations/${ids.registration}/letter.docx`,
  ],
  'GET /api/v1/documents/:id/content': () => [w.laoCaiOfficer!, `/api/v1/documents/${ids.document}/content`],
  'GET /api/v1/proposals/:id/receipt.docx': () => [
    w.laoCaiOfficer!,
    `/api/v1/proposals/${ids.proposal}/receipt.docx`,
  ],
  'GET /api/v1/proposals/:id/appraisal-minutes.docx': () => [
    w.agencyOfficer!,
    `/api/v1/proposals/${ids.proposal}/appraisal-minutes.docx`,
  ],
  'GET /api/v1/plans/:planYear/export.xlsx': () => [w.agencyOfficer!, '/api/v1/plans/2026/export.xlsx'],
  'GET /api/v1/plans/:planYear/export.docx': () => [w.agencyOfficer!, '/api/v1/plans/2026/export.docx'],
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.xlsx': () => [
    w.bacNinhOfficer!,
    '/api/v1/local-plans/24/2026/export.xlsx',
  ],
  'GET /api/v1/local-plans/:provinceCode/:planYear/export.docx': () => [
    w.bacNinhOfficer!,
    '/api/v1/local-plans/24/2026/export.docx',
  ],
  // A period of the plan year that has started (the clock moves on to mid-2026).
  'GET /api/v1/reports/province.xlsx': () => {
    h.clock.set('2026-07-15T02:00:00Z');
    return [w.laoCaiLeader!, '/api/v1/reports/province.xlsx?provinceCode=15&year=2026&period=Q2'];
  },
  'GET /api/v1/reports/province.docx': () => {
    h.clock.set('2026-07-15T02:00:00Z');
    return [w.laoCaiLeader!, '/api/v1/reports/province.docx?provinceCode=15&year=2026&period=Q2'];
  },
  'GET /api/v1/typical-products/:id/scan': () => [
    w.auditor!,
    `/api/v1/typical-products/${ids.certificate}/scan`,
  ],
};

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

describe('reads of files are audited (R7)', () => {
  it('every GET route that returns a file is declared in file-routes.ts, and every entry is a route', () => {
    const routes = new Set(h.app.routeTable.map(keyOf));
    const undeclared = h.app.routeTable
      .filter((route) => route.method === 'GET' && looksLikeFileRoute(route.url))
      .map(keyOf)
      .filter((key) => !(key in FILE_ROUTES));
    expect(undeclared, 'declare these in server/security/file-routes.ts').toEqual([]);
    // An entry without its route is only reported: another module may be mid-change in this tree.
    const stale = Object.keys(FILE_ROUTES).filter((key) => !routes.has(key));
    if (stale.length > 0) console.log(`file-routes.ts entries without a route: ${stale.join(', ')}`);
    // Every audited entry has a call below (a new one must be added there too).
    const audited = Object.entries(FILE_ROUTES)
      .filter(([, entry]) => 'audit' in entry && !('provedBy' in entry))
      .map(([key]) => key);
    expect(audited.filter((key) => !(key in CALLS))).toEqual([]);
    // An entry proven elsewhere names a test file that exists and checks its action.
    for (const [key, entry] of Object.entries(FILE_ROUTES)) {
      if (!('provedBy' in entry)) continue;
      const file = path.join(process.cwd(), entry.provedBy);
      expect(existsSync(file), `${key}: ${entry.provedBy}`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${key}: ${entry.provedBy}`).toContain(`'${entry.audit}'`);
    }
  });

  const audited = Object.entries(FILE_ROUTES).flatMap(([key, entry]) =>
    'audit' in entry && !('provedBy' in entry) ? [[key, entry.audit] as const] : [],
  );
  for (const [key, action] of audited)
    it(`${key} writes ${action} for the very request that read it`, async (ctx) => {
      if (!h.app.routeTable.some((route) => keyOf(route) === key)) {
        ctx.skip(); // reported as stale above
        return;
      }
      const [as, url] = CALLS[key]!();
      const response = await as.get(url);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(String(response.headers['content-disposition'])).toMatch(/^attachment/);
      const requestId = String(response.headers['x-request-id']);
      const find = () =>
        h.db
          .select({ action: auditEvents.action, actorUserId: auditEvents.actorUserId })
          .from(auditEvents)
          .where(and(eq(auditEvents.requestId, requestId), eq(auditEvents.action, action)));
      // A streamed export (the proposals table) commits its transaction, audit row included, just after
      // the last byte: wait for it a little.
      let events = await find();
      for (let waited = 0; events.length === 0 && waited < 3000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        events = await find();
      }
      expect(events, `${key}: no ${action} event with request_id ${requestId}`).toHaveLength(1);
      expect(events[0]!.actorUserId).not.toBeNull();
    });

  it('prints the figure', () => {
    const entries = Object.values(FILE_ROUTES);
    const counts = {
      called: entries.filter((entry) => 'audit' in entry && !('provedBy' in entry)).length,
      elsewhere: entries.filter((entry) => 'provedBy' in entry).length,
      exempt: entries.filter((entry) => 'exempt' in entry).length,
    };
    console.log(
      `R7 reads: ${counts.called} file routes called here and audited per request, ${counts.elsewhere} proven by their module's test, ${counts.exempt} exempt (no private data)`,
    );
  });
});
