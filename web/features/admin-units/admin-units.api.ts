import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../lib/api';
import { compareVietnamese, todayVn } from '../../lib/format';

/** A province-level unit (`GET /api/v1/admin-units`). Codes were reused in 2025: a code needs a date. */
export interface TAdminUnit {
  code: string;
  name: string;
  fullName: string;
  kind: 'province' | 'city';
  region: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

export interface TAdminUnitHistory {
  code: string;
  items: { unit: TAdminUnit; predecessors: TAdminUnit[]; successors: TAdminUnit[] }[];
}

/** Reference data changes by law, not by the minute: cache it for an hour. */
const REFERENCE_STALE_MS = 60 * 60_000;

export function useAdminUnits(date: string) {
  return useQuery({
    queryKey: ['admin-units', 'in-force', date],
    queryFn: ({ signal }) => api<TAdminUnit[]>('/admin-units', { query: { date }, signal }),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useAdminUnitHistory(target: { code: string; date: string } | null) {
  return useQuery({
    queryKey: ['admin-units', 'history', target?.code, target?.date],
    queryFn: ({ signal }) =>
      api<TAdminUnitHistory>(`/admin-units/${encodeURIComponent(target?.code ?? '')}/history`, {
        query: { date: target?.date },
        signal,
      }),
    enabled: target !== null,
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Today's provinces: names by code and select options in Vietnamese order. */
export function useCurrentProvinces() {
  const query = useAdminUnits(todayVn());
  return useMemo(() => {
    const units = [...(query.data ?? [])].sort((a, b) => compareVietnamese(a.name, b.name));
    const names = new Map(units.map((unit) => [unit.code, unit.name]));
    return {
      isLoading: query.isPending,
      nameOf: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '—'),
      options: units.map((unit) => ({ value: unit.code, label: unit.name })),
    };
  }, [query.data, query.isPending]);
}
