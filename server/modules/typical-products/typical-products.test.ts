import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../domain/enums/roles';
import { auditEvents, typicalProductCertificates } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { BEFORE_REGISTRATION, createDraft, setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { certificatePayload, postFile } from './test-support';

/**
 * Issue #11: the registry of typical rural industrial products — who writes what (done when 2), search,
 * history across the 2025 reform, yearly reports, the scan, and the rule check of proposals that
 * reference certificates (done when 1, through the server).
 */

let h: THarness;
let w: TWorld;

const ROLE_CLIENT: Record<TRole, string> = {
  agency_admin: 'admin',
  agency_officer: 'agencyOfficer',
  agency_leader: 'agencyLeader',
  appraiser: 'appraiser',
  auditor: 'auditor',
  province_officer: 'laoCaiOfficer',
  province_leader: 'laoCaiLeader',
  unit_officer: 'laoCaiCentre',
};
const ROLES = Object.keys(ROLE_CLIENT) as TRole[];

async function certificateCount() {
  const [row] = await h.db.select({ n: count() }).from(typicalProductCertificates);
  return row!.n;
}
async function auditCount(action: string) {
  const [row] = await h.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  return row!.n;
}

/** PUT as a world client (the harness client has no PUT). */
const put = (who: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'PUT', url, payload, headers: { authorization: `Bearer ${w[who]!.auth.bearer}` } });

/** A certificate recorded by the agency. */
async function recorded(overrides: Record<string, unknown> = {}) {
  const response = await w.agencyOfficer!.post('/api/v1/typical-products', certificatePayload(overrides));
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { id: string; lockVersion: number; certificateNumber: string };
}

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
});
afterAll(() => h?.close());

describe('who may record a certificate (done when 2)', () => {
  // Lào Cai's officers are of today's Lào Cai (15): old Lào Cai (10) and old Yên Bái (15) both became it.
  const CASES = {
    ownProvincial: { level: 'provincial', provinceCode: '10' },
    ownProvincialOldYenBai: { level: 'provincial', provinceCode: '15' },
    otherProvincial: { level: 'provincial', provinceCode: '27' }, // old Bắc Ninh → today's Bắc Ninh
    regional: { level: 'regional', provinceCode: '10' },
    national: { level: 'national', provinceCode: '10' },
  } as const;
  const AGENCY_WRITERS: TRole[] = ['agency_admin', 'agency_officer'];
  const PROVINCE: TRole[] = ['province_officer', 'province_leader'];

  function expected(role: TRole, kase: keyof typeof CASES): number {
    if (AGENCY_WRITERS.includes(role)) return 201;
    if (!PROVINCE.includes(role)) return 403;
    return kase === 'ownProvincial' || kase === 'ownProvincialOldYenBai' ? 201 : 403;
  }

  it('the agency records every level; a province only provincial ones of its own province; others none', async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const role of ROLES) {
      for (const [kase, facts] of Object.entries(CASES) as [
        keyof typeof CASES,
        (typeof CASES)[keyof typeof CASES],
      ][]) {
        const before = await certificateCount();
        const audits = await auditCount('typical_product.created');
        const response = await w[ROLE_CLIENT[role]]!.post(
          '/api/v1/typical-products',
          certificatePayload(facts),
        );
        seen.push(`${role}/${kase}: ${response.statusCode}`);
        wanted.push(`${role}/${kase}: ${expected(role, kase)}`);
        if (response.statusCode === 403) {
          expectProblem(response, 403, 'forbidden');
          expect(await certificateCount()).toBe(before);
          expect(await auditCount('typical_product.created')).toBe(audits);
        }
      }
    }
    expect(seen).toEqual(wanted);
  });

  it('the province refusal says why, in Vietnamese', async () => {
    const national = await w.laoCaiOfficer!.post('/api/v1/typical-products', certificatePayload());
    expect(expectProblem(national, 403, 'forbidden').detail).toBe(
      'Chỉ Cục ghi nhận giấy chứng nhận cấp quốc gia; tỉnh ghi nhận giấy chứng nhận cấp tỉnh của tỉnh mình.',
    );
    const other = await w.bacNinhOfficer!.post(
      '/api/v1/typical-products',
      certificatePayload({ level: 'provincial' }),
    );
    expect(expectProblem(other, 403, 'forbidden').detail).toBe(
      'Chỉ được ghi nhận giấy chứng nhận cấp tỉnh của tỉnh mình.',
    );
  });

  it('changes: a province edits its own provincial certificates only, and cannot raise or move them', async () => {
    const national = await recorded();
    const own = (
      await w.laoCaiOfficer!.post('/api/v1/typical-products', certificatePayload({ level: 'provincial' }))
    ).json();
    const patchNational = await w.laoCaiOfficer!.patch(`/api/v1/typical-products/${national.id}`, {
      lockVersion: 1,
      productName: 'Đổi tên',
    });
    expectProblem(patchNational, 403, 'forbidden');
    expectProblem(
      await w.bacNinhOfficer!.patch(`/api/v1/typical-products/${own.id}`, { lockVersion: 1, commune: 'X' }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.laoCaiOfficer!.patch(`/api/v1/typical-products/${own.id}`, {
        lockVersion: 1,
        level: 'national',
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.laoCaiOfficer!.patch(`/api/v1/typical-products/${own.id}`, {
        lockVersion: 1,
        provinceCode: '27',
      }),
      403,
      'forbidden',
    );
    const [unchanged] = await h.db
      .select()
      .from(typicalProductCertificates)
      .where(eq(typicalProductCertificates.id, own.id));
    expect(unchanged!.lockVersion).toBe(1);
    const ok = await w.laoCaiOfficer!.patch(`/api/v1/typical-products/${own.id}`, {
      lockVersion: 1,
      validUntil: '2030-01-31',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ validUntil: '2030-01-31', lockVersion: 2, canEdit: true });
    expectProblem(
      await w.laoCaiOfficer!.patch(`/api/v1/typical-products/${own.id}`, { lockVersion: 1, commune: 'Y' }),
      409,
      'conflict',
    );
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'typical_product.updated'), eq(auditEvents.entityId, own.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ validUntil: '2029-11-19' });
    // The agency may still correct a province's certificate.
    expect(
      (
        await w.agencyOfficer!.patch(`/api/v1/typical-products/${own.id}`, {
          lockVersion: 2,
          commune: 'Xã Y Tý',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('everyone signed in reads; anonymous callers do not', async () => {
    const cert = await recorded();
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      expect([role, (await as.get('/api/v1/typical-products')).statusCode]).toEqual([role, 200]);
      const detail = await as.get(`/api/v1/typical-products/${cert.id}`);
      expect([role, detail.statusCode]).toEqual([role, 200]);
      expect([role, detail.json().canEdit]).toEqual([
        role,
        ['agency_admin', 'agency_officer'].includes(role),
      ]);
    }
    expectProblem(await h.anonymous.get('/api/v1/typical-products'), 401, 'unauthenticated');
    expectProblem(
      await w.agencyOfficer!.get('/api/v1/typical-products/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
  });
});

describe('the certificate record', () => {
  it('keeps the province of the time and shows its successor; refuses codes not in force then', async () => {
    const cert = await recorded({ provinceCode: '27', issueDate: '2024-03-01' });
    const detail = (await w.agencyOfficer!.get(`/api/v1/typical-products/${cert.id}`)).json();
    expect(detail.province).toEqual({ code: '27', name: 'Bắc Ninh' });
    expect(detail.currentProvince).toEqual({ code: '24', name: 'Bắc Ninh' });
    const giang = (
      await w.agencyOfficer!.post(
        '/api/v1/typical-products',
        certificatePayload({ provinceCode: '24', issueDate: '2023-01-05' }),
      )
    ).json();
    expect(giang.province).toEqual({ code: '24', name: 'Bắc Giang' });
    expect(giang.currentProvince.code).toBe('24');

    const bad = await w.agencyOfficer!.post(
      '/api/v1/typical-products',
      certificatePayload({ provinceCode: '03', validUntil: '2020-01-01' }),
    );
    const problem = expectProblem(bad, 400, 'validation_failed') as unknown as {
      errors: { path: string; message: string }[];
    };
    expect(problem.errors.map((e) => e.path)).toEqual(['provinceCode', 'validUntil']);
    expect(problem.errors[0]!.message).toContain('Không có tỉnh mã 03 vào ngày cấp 20/11/2024');
    const future = await w.agencyOfficer!.post(
      '/api/v1/typical-products',
      certificatePayload({ issueDate: '2025-06-01' }),
    );
    expect(expectProblem(future, 400, 'validation_failed')).toMatchObject({
      errors: [{ path: 'issueDate' }],
    });
    const tax = await w.agencyOfficer!.post(
      '/api/v1/typical-products',
      certificatePayload({ establishmentTaxCode: '12AB' }),
    );
    expect(expectProblem(tax, 400, 'validation_failed')).toMatchObject({
      errors: [{ path: 'establishmentTaxCode' }],
    });
  });

  it('an issuing body’s certificate number is recorded once', async () => {
    const cert = await recorded();
    const again = await w.agencyOfficer!.post(
      '/api/v1/typical-products',
      certificatePayload({ certificateNumber: cert.certificateNumber }),
    );
    const problem = expectProblem(again, 400, 'validation_failed') as unknown as {
      errors: { message: string }[];
    };
    expect(problem.errors[0]!.message).toBe(
      `Giấy chứng nhận số ${cert.certificateNumber} của Bộ Công Thương đã có trong sổ.`,
    );
  });

  it('lists with filters and a search that ignores Vietnamese marks', async () => {
    await recorded({
      productName: 'Nón lá Chuông làng Phương Trung',
      productGroup: 'handicrafts',
      provinceCode: '01',
      establishmentTaxCode: '0100111222',
      level: 'regional',
    });
    const list = (q: string) => w.laoCaiOfficer!.get(`/api/v1/typical-products?${q}`).then((r) => r.json());
    const found = await list('q=non%20la%20chuong');
    expect(found.items.map((c: { productName: string }) => c.productName)).toEqual([
      'Nón lá Chuông làng Phương Trung',
    ]);
    expect((await list('q=NÓN%20phuong')).total).toBe(1);
    expect((await list('q=0100111222')).total).toBe(1);
    expect((await list('q=non%20la%20xyz')).total).toBe(0);
    expect((await list('q=100%25')).total).toBe(0);
    const regional = await list('level=regional&pageSize=500');
    expect(regional.items.every((c: { level: string }) => c.level === 'regional')).toBe(true);
    const hanoi = await list('provinceCode=01&pageSize=500');
    expect(hanoi.items.map((c: { currentProvince: { code: string } }) => c.currentProvince.code)).toEqual([
      '01',
    ]);
    const byTax = await list('taxCode=0100%20111%20222');
    expect(byTax.total).toBe(1);
    const handicrafts = await list('productGroup=handicrafts');
    expect(handicrafts.items.every((c: { productGroup: string }) => c.productGroup === 'handicrafts')).toBe(
      true,
    );
    const valid = await list('validOn=2029-11-20&pageSize=500');
    expect(valid.items.every((c: { validUntil: string }) => c.validUntil >= '2029-11-20')).toBe(true);
    const sorted = await list('sort=validUntil&pageSize=500');
    const dates = sorted.items.map((c: { validUntil: string }) => c.validUntil);
    expect(dates).toEqual([...dates].sort());
    expectProblem(
      await w.laoCaiOfficer!.get('/api/v1/typical-products?level=district'),
      400,
      'validation_failed',
    );
  });
});

describe('yearly reports of the holder', () => {
  it('the province of the establishment or the agency records them; corrections keep one row per year', async () => {
    const cert = await recorded(); // national, old Lào Cai → today's Lào Cai
    const url = `/api/v1/typical-products/${cert.id}/reports/2025`;
    const body = {
      revenue: 5_200_000_000,
      exportRevenue: 800_000_000,
      workers: 42,
      outputQuantity: 31.5,
      outputUnit: 'tấn',
    };
    expectProblem(await put('bacNinhOfficer', url, body), 403, 'forbidden');
    expectProblem(await put('laoCaiCentre', url, body), 403, 'forbidden');
    const created = await put('laoCaiOfficer', url, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2025,
      revenue: 5_200_000_000,
      workers: 42,
      outputQuantity: 31.5,
    });
    const corrected = await put('agencyOfficer', url, { ...body, workers: 45 });
    expect(corrected.statusCode).toBe(200);
    const early = await put('agencyOfficer', `/api/v1/typical-products/${cert.id}/reports/2020`, body);
    expectProblem(early, 400, 'validation_failed');
    const negative = await put('agencyOfficer', url, { ...body, revenue: -1 });
    expectProblem(negative, 400, 'validation_failed');
    const detail = (await w.laoCaiOfficer!.get(`/api/v1/typical-products/${cert.id}`)).json();
    expect(detail.canReport).toBe(true);
    expect(detail.reports).toHaveLength(1);
    expect(detail.reports[0]).toMatchObject({ year: 2025, workers: 45 });
    const audits = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'typical_product.report_recorded'), eq(auditEvents.entityId, cert.id)),
      );
    expect(audits.map((a) => (a.after as { workers: number }).workers)).toEqual([42, 45]);
    expect(audits[1]!.before).toMatchObject({ workers: 42 });
  });
});

describe('the scanned certificate', () => {
  it('is stored through the upload pipeline, served back byte for byte, and replaced', async () => {
    const cert = await recorded();
    const pdf = Buffer.from('%PDF-1.4\n% giay chung nhan\n%%EOF\n');
    const url = `/api/v1/typical-products/${cert.id}/scan`;
    expectProblem(
      await postFile(h, w.laoCaiOfficer!, url, { fileName: 'gcn.pdf', data: pdf }),
      403,
      'forbidden',
    );
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]);
    expectProblem(
      await postFile(h, w.agencyOfficer!, url, { fileName: 'gcn.pdf', data: exe }),
      415,
      'unsupported_file_type',
    );
    const docx = await postFile(h, w.agencyOfficer!, url, { fileName: 'a.xlsx', data: pdf });
    expect(docx.statusCode).toBe(200);
    const uploaded = await postFile(h, w.agencyOfficer!, url, { fileName: 'Giấy chứng nhận.pdf', data: pdf });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json().scan).toMatchObject({
      fileName: 'Giấy chứng nhận.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    const download = await w.auditor!.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(await auditCount('typical_product.scan_uploaded')).toBe(2);
  });
});

describe('typical-product proposals reference the registry (done when 1, through the server)', () => {
  async function proposalChecks(certificateId: string, taxCode = '5200123456') {
    const draft = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', {
      activityType: 'typical_product',
      title: 'Hỗ trợ tổ chức bình chọn sản phẩm tiêu biểu chè Shan tuyết',
      beneficiary: { name: 'Hợp tác xã Chè Suối Giàng', taxCode, kind: 'cooperative' },
      budget: { total: 100_000_000, requested: 50_000_000, counterpart: 50_000_000, other: 0 },
      fields: { rounds: 1, certificateIds: [certificateId] },
    });
    const checks = await w.laoCaiOfficer!.get(`/api/v1/proposals/${draft.id}/checks`);
    expect(checks.statusCode).toBe(200);
    return (checks.json().findings as { code: string; severity: string; message: string }[]).filter((f) =>
      f.code.startsWith('certificate_'),
    );
  }

  it('a valid national certificate of the beneficiary gives the priority finding', async () => {
    const cert = await recorded({ certificateNumber: '777/QĐ-BCT' });
    const findings = await proposalChecks(cert.id);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['certificate_priority', 'info']]);
    expect(findings[0]!.message).toContain('cấp quốc gia số 777/QĐ-BCT');
  });

  it('an expired certificate, or another establishment’s, gives a warning', async () => {
    const expired = await recorded({
      issueDate: '2020-01-01',
      validUntil: '2025-06-30',
      selectionYear: 2020,
    });
    expect((await proposalChecks(expired.id)).map((f) => [f.code, f.severity])).toEqual([
      ['certificate_expired', 'warning'],
    ]);
    const theirs = await recorded({ establishmentTaxCode: '0309876543', establishmentName: 'Công ty khác' });
    const findings = await proposalChecks(theirs.id);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['certificate_holder_mismatch', 'warning']]);
    expect(findings[0]!.message).toContain('không phải đơn vị thụ hưởng');
  });

  it('the record wins over later changes: a certificate edited to expire loses the priority', async () => {
    const cert = await recorded();
    expect((await proposalChecks(cert.id)).map((f) => f.code)).toEqual(['certificate_priority']);
    await w.agencyOfficer!.patch(`/api/v1/typical-products/${cert.id}`, {
      lockVersion: 1,
      validUntil: '2025-09-29',
    });
    expect((await proposalChecks(cert.id)).map((f) => f.code)).toEqual(['certificate_expired']);
  });
});
