import { useQuery } from '@tanstack/react-query';
import type { TProvinceReport, TProvinceReportQuery } from '../../../domain/schemas/reports';
import { api } from '../../lib/api';

export type { TProvinceReport };
export type TReportPeriod = TProvinceReportQuery['period'];
export const REPORT_PERIODS: TReportPeriod[] = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'];

const query = (q: TProvinceReportQuery) =>
  `provinceCode=${encodeURIComponent(q.provinceCode)}&year=${q.year}&period=${q.period}`;

/** `GET /reports/province`: the report as of the period end (a province its own, the agency any). */
export function useProvinceReport(q: TProvinceReportQuery | null) {
  return useQuery({
    queryKey: ['reports', 'province', q?.provinceCode, q?.year, q?.period],
    queryFn: ({ signal }) => api<TProvinceReport>(`/reports/province?${query(q!)}`, { signal }),
    enabled: q !== null && q.provinceCode !== '',
    retry: false,
  });
}

export const reportFileUrl = (q: TProvinceReportQuery, format: 'xlsx' | 'docx') =>
  `/api/v1/reports/province.${format}?${query(q)}`;
