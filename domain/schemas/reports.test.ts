import { describe, expect, it } from 'vitest';
import { REPORT_PERIODS, reportPeriodDates, reportPeriodTextVi, ZProvinceReportQuery } from './reports';

describe('report periods', () => {
  it('quarters, the first half and the year in calendar days', () => {
    expect(REPORT_PERIODS.map((p) => reportPeriodDates(2026, p))).toEqual([
      { startDate: '2026-01-01', endDate: '2026-03-31' },
      { startDate: '2026-04-01', endDate: '2026-06-30' },
      { startDate: '2026-07-01', endDate: '2026-09-30' },
      { startDate: '2026-10-01', endDate: '2026-12-31' },
      { startDate: '2026-01-01', endDate: '2026-06-30' },
      { startDate: '2026-01-01', endDate: '2026-12-31' },
    ]);
  });

  it('Vietnamese names with Roman quarter numbers', () => {
    expect(reportPeriodTextVi(2026, 'Q2')).toBe('quý II năm 2026');
    expect(reportPeriodTextVi(2026, 'Q4')).toBe('quý IV năm 2026');
    expect(reportPeriodTextVi(2026, 'H1')).toBe('6 tháng đầu năm 2026');
    expect(reportPeriodTextVi(2026, 'Y')).toBe('năm 2026');
  });

  it('the query: a two-digit province, a year, a known period', () => {
    expect(ZProvinceReportQuery.parse({ provinceCode: '15', year: '2026', period: 'H1' })).toEqual({
      provinceCode: '15',
      year: 2026,
      period: 'H1',
    });
    for (const bad of [
      { provinceCode: '1', year: '2026', period: 'Q1' },
      { provinceCode: '15', year: 'x', period: 'Q1' },
      { provinceCode: '15', year: '2026', period: 'Q5' },
      { provinceCode: '15', year: '2026', period: 'Q1', extra: 1 },
    ]) {
      expect(ZProvinceReportQuery.safeParse(bad).success).toBe(false);
    }
  });
});
