import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisals, auditEvents, proposals } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { addAppraisers, fullAppraisal, submittedProposal } from './test-support';

/**
 * Issue #6, the ministry-level appraisal: each step with its access rule and its audit event, the
 * conflict-of-interest warnings, the appraiser's scope (404 outside their assignments), drafts nobody
 * else sees, and the decision's cap.
 */

let h: THarness;
let w: TWorld;
let people: Record<string, string>;

const SUBMITTED_AT = '2025-09-01T02:00:00Z';
const APPRAISAL_TIME = '2025-10-15T02:00:00Z';

async function auditActions(entityId: string) {
  const rows = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}
async function statusOf(id: string) {
  const [row] = await h.db.select().from(proposals).where(eq(proposals.id, id));
  return row!;
}

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  people = await addAppraisers(h, w);
});
afterAll(() => h?.close());

describe('accept into appraisal', () => {
  it('the agency officer accepts submitted dossiers, one or many, all or none; audited', async () => {
    const a = await submittedProposal(h, w, 'laoCai');
    const b = await submittedProposal(h, w, 'bacNinh');
    const c = await submittedProposal(h, w, 'laoCai');
    h.clock.set(SUBMITTED_AT);
    for (const who of ['agencyLeader', 'laoCaiLeader', 'appraiser', 'auditor']) {
      const refused = await w[who]!.post('/api/v1/appraisal/accept', { proposalIds: [a.id] });
      expectProblem(refused, 403, 'forbidden');
    }
    // One of them is not submitted any more (withdrawn): nothing is accepted.
    await w.laoCaiLeader!.post(`/api/v1/proposals/${c.id}/withdraw`, { reason: 'Không còn nhu cầu' });
    const mixed = await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: [a.id, c.id] });
    expectProblem(mixed, 409, 'invalid_transition');
    expect((await statusOf(a.id)).status).toBe('submitted');

    const ok = await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: [a.id, b.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().accepted.sort()).toEqual([a.id, b.id].sort());
    expect((await statusOf(a.id)).status).toBe('under_appraisal');
    expect(await auditActions(a.id)).toContain('proposal.accepted_into_appraisal');

    const missing = await w.agencyOfficer!.post('/api/v1/appraisal/accept', {
      proposalIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expectProblem(missing, 404, 'not_found');
  });

  it('the inbox lists dossiers by province with their completeness and appraisal progress', async () => {
    const inbox = await w.agencyOfficer!.get('/api/v1/appraisal/inbox?planYear=2026');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const body = inbox.json();
    expect(body.items.length).toBeGreaterThan(0);
    const item = body.items[0];
    expect(item.documents.required).toBeGreaterThan(0);
    expect(item.documents.missing).toEqual([]);
    expect(item.documents.present).toBe(item.documents.required);
    expect(body.byProvince.map((p: { provinceCode: string }) => p.provinceCode).sort()).toEqual(['15', '24']);
    const total = body.byStatus.reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(total).toBe(body.items.length);
    expectProblem(await w.laoCaiLeader!.get('/api/v1/appraisal/inbox?planYear=2026'), 403, 'forbidden');
    expectProblem(await w.appraiser!.get('/api/v1/appraisal/inbox?planYear=2026'), 403, 'forbidden');
  });
});

describe('assignments, appraisals and the decision', () => {
  let p: { id: string; code: string };
  let criteria: { code: string }[];

  beforeAll(async () => {
    h.clock.set('2025-05-06T02:00:00Z');
    p = await submittedProposal(h, w, 'laoCai');
    h.clock.set(SUBMITTED_AT);
    const accepted = await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: [p.id] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    h.clock.set(APPRAISAL_TIME);
  });

  it('an appraiser not assigned gets 404 for the proposal, its documents, its appraisals and their own', async () => {
    expectProblem(await w.td1!.get(`/api/v1/proposals/${p.id}`), 404, 'not_found');
    expectProblem(await w.td1!.get(`/api/v1/proposals/${p.id}/documents`), 404, 'not_found');
    expectProblem(await w.td1!.get(`/api/v1/proposals/${p.id}/appraisals`), 404, 'not_found');
    const put = await w.td1!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, fullAppraisal([]));
    expectProblem(put, 404, 'not_found');
    expect((await w.td1!.get('/api/v1/proposals')).json().total).toBe(0);
  });

  it('only the agency officer assigns; appraisers must be able to appraise; conflicts are flagged', async () => {
    for (const who of ['agencyLeader', 'laoCaiLeader', 'td1', 'admin']) {
      const refused = await w[who]!.post(`/api/v1/proposals/${p.id}/appraisal-assignments`, {
        userIds: [people.td1],
      });
      expectProblem(refused, 403, 'forbidden');
    }
    const [provinceOfficer] = await h.db.select().from(proposals).where(eq(proposals.id, p.id));
    const notAppraiser = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/appraisal-assignments`, {
      userIds: [provinceOfficer!.createdBy],
    });
    const problem = expectProblem(notAppraiser, 400, 'validation_failed');
    expect((problem as unknown as { errors: { path: string }[] }).errors[0]?.path).toBe('userIds.0');

    const assigned = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/appraisal-assignments`, {
      userIds: [people.td1, people.td2, people.tdLaoCai],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const view = assigned.json();
    const warnings = Object.fromEntries(
      view.assignments.map((a: { userId: string; warnings: string[] }) => [a.userId, a.warnings]),
    );
    expect(warnings[people.td1!]).toEqual([]);
    expect(warnings[people.td2!]).toEqual([]);
    expect(warnings[people.tdLaoCai!]).toEqual(['same_province']);
    expect(view.criteria.map((c: { code: string }) => c.code)).toHaveLength(6);
    criteria = view.criteria;
    expect(await auditActions(p.id)).toContain('proposal.appraisers_assigned');
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'proposal.appraisers_assigned')));
    expect(JSON.stringify(event!.after)).toContain('same_province');

    // Assigned, the appraiser now sees the proposal (and nothing else).
    expect((await w.td1!.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(200);
    const queue = (await w.td1!.get('/api/v1/appraisal/queue')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect(queue.counts).toEqual({ assigned: 1, pending: 1, draft: 0, submitted: 0, left: 1 });
  });

  it('a draft is seen by its author only; submission needs every criterion; the cap holds', async () => {
    const draft = await w.td1!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, {
      conflictOfInterest: false,
      criteria: [{ code: criteria[0]!.code, pass: true, comment: 'Phù hợp định hướng' }],
      score: 70,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().mine.status).toBe('draft');
    const [saved] = await h.db.select().from(appraisals).where(eq(appraisals.proposalId, p.id));
    expect(await auditActions(saved!.id)).toEqual(['appraisal.saved']);

    // Nobody else sees the draft: not the other appraiser, not the agency.
    const other = (await w.td2!.get(`/api/v1/proposals/${p.id}/appraisals`)).json();
    expect(other.appraisals).toEqual([]);
    expect(other.mine).toBeNull();
    const officer = (await w.agencyOfficer!.get(`/api/v1/proposals/${p.id}/appraisals`)).json();
    expect(officer.appraisals).toEqual([]);
    expect(JSON.stringify(officer)).not.toContain('Phù hợp định hướng');
    expect(officer.assignments.find((a: { userId: string }) => a.userId === people.td1).appraisalStatus).toBe(
      'draft',
    );
    // A province user sees the proposal but not its appraisal.
    expectProblem(await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}/appraisals`), 403, 'forbidden');

    // Submitting an incomplete appraisal is refused and changes nothing.
    const incomplete = await w.td1!.post(`/api/v1/proposals/${p.id}/appraisals/mine/submit`);
    const problem = expectProblem(incomplete, 400, 'validation_failed');
    expect((problem as unknown as { errors: unknown[] }).errors.length).toBeGreaterThanOrEqual(5);
    expect(problem.detail).toBeTruthy();

    const over = await w.td1!.put(
      `/api/v1/proposals/${p.id}/appraisals/mine`,
      fullAppraisal(criteria, { recommendedFunding: 600_000_001, submit: true }),
    );
    expectProblem(over, 422, 'cap_exceeded');
    const [still] = await h.db.select().from(appraisals).where(eq(appraisals.proposalId, p.id));
    expect(still!.status).toBe('draft');
    expect(still!.score).toBe(70);

    const unknown = await w.td1!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, {
      conflictOfInterest: false,
      criteria: [{ code: 'not_a_criterion', pass: true }],
    });
    expectProblem(unknown, 400, 'validation_failed');

    const submitted = await w.td1!.put(
      `/api/v1/proposals/${p.id}/appraisals/mine`,
      fullAppraisal(criteria, { submit: true }),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().mine.status).toBe('submitted');
    expect(await auditActions(saved!.id)).toEqual(['appraisal.saved', 'appraisal.submitted']);
    // Final: no change after submission.
    const again = await w.td1!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, fullAppraisal(criteria));
    expectProblem(again, 409, 'invalid_transition');

    // td2 has not submitted: td1's submitted appraisal stays hidden from them (independent judgement).
    expect((await w.td2!.get(`/api/v1/proposals/${p.id}/appraisals`)).json().appraisals).toEqual([]);
    const officerNow = (await w.agencyOfficer!.get(`/api/v1/proposals/${p.id}/appraisals`)).json();
    expect(officerNow.appraisals.map((a: { appraiserId: string }) => a.appraiserId)).toEqual([people.td1]);
  });

  it('the decision waits for every assigned appraiser; never above the cap or the request', async () => {
    const early = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/decision`, {
      result: 'recommended',
      approvedFunding: 500_000_000,
    });
    expectProblem(early, 409, 'appraisals_pending');

    // td2 appraises; the Lào Cai member declares a conflict of interest and recuses.
    await w.td2!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, fullAppraisal(criteria, { score: 90 }));
    const submit2 = await w.td2!.post(`/api/v1/proposals/${p.id}/appraisals/mine/submit`);
    expect(submit2.statusCode, submit2.body).toBe(200);
    expect(submit2.json().appraisals).toHaveLength(2); // td1's is visible once td2's own is submitted
    const recusal = await w.tdLaoCai!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, {
      conflictOfInterest: true,
      conflictNote: 'Công tác tại Sở Công Thương Lào Cai',
      criteria: [],
      submit: true,
    });
    expect(recusal.statusCode, recusal.body).toBe(200);

    const before = await statusOf(p.id);
    for (const who of ['agencyLeader', 'td1', 'laoCaiLeader']) {
      const refused = await w[who]!.post(`/api/v1/proposals/${p.id}/decision`, {
        result: 'recommended',
        approvedFunding: 500_000_000,
      });
      expectProblem(refused, 403, 'forbidden');
    }
    const aboveRequest = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/decision`, {
      result: 'recommended',
      approvedFunding: 600_000_001,
    });
    const problem = expectProblem(aboveRequest, 422, 'cap_exceeded');
    expect(problem.detail).toContain('600.000.001');
    expect(await statusOf(p.id)).toEqual(before);

    const view = (await w.agencyOfficer!.get(`/api/v1/proposals/${p.id}/appraisals`)).json();
    expect(view.fundingLimit).toBeLessThanOrEqual(600_000_000);
    const aboveCap = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/decision`, {
      result: 'recommended',
      approvedFunding: view.fundingLimit + 1,
    });
    expectProblem(aboveCap, 422, 'cap_exceeded');

    const decided = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/decision`, {
      result: 'recommended',
      approvedFunding: 450_000_000,
      note: 'Thống nhất với ý kiến hội đồng',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().decision).toMatchObject({ result: 'recommended', approvedFunding: 450_000_000 });
    const after = await statusOf(p.id);
    expect(after.status).toBe('recommended');
    expect(after.approvedFunding).toBe(450_000_000);
    expect(await auditActions(p.id)).toContain('proposal.recommended');

    // The minutes: a Word file with every submitted appraisal, audited.
    const minutes = await w.agencyOfficer!.get(`/api/v1/proposals/${p.id}/appraisal-minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditActions(p.id)).toContain('appraisal.minutes_exported');
    expectProblem(await w.td1!.get(`/api/v1/proposals/${p.id}/appraisal-minutes.docx`), 403, 'forbidden');
  });
});
