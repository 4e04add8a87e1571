import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typicalProductCertificates, typicalProductReports } from '../../db/schema';
import { createHarness, type THarness } from '../../test/harness';
import { DEMO_CERTIFICATES, seedDemoCertificates } from './typical-products.seed';

let h: THarness;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T02:00:00Z' });
});
afterAll(() => h?.close());

describe('demo certificates', () => {
  it('are recorded through the use cases, with the province of the time and its successor, once', async () => {
    expect(await seedDemoCertificates(h.ctx, h.clock.now())).toEqual({
      certificates: DEMO_CERTIFICATES.length,
    });
    expect(await seedDemoCertificates(h.ctx, h.clock.now())).toEqual({ certificates: 0 });
    const [n] = await h.db.select({ n: count() }).from(typicalProductCertificates);
    expect(n!.n).toBe(DEMO_CERTIFICATES.length);
    const [thoCam] = await h.db
      .select()
      .from(typicalProductCertificates)
      .where(eq(typicalProductCertificates.certificateNumber, '312/QĐ-CTĐP'));
    expect(thoCam).toMatchObject({ provinceCode: '10', currentProvinceCode: '15', level: 'regional' });
    const [reports] = await h.db.select({ n: count() }).from(typicalProductReports);
    expect(reports!.n).toBe(3);
  });
});
