import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateProgrammeRequest,
  TProgramme,
  TUpdateProgrammeRequest,
} from '../../../domain/schemas/programmes';
import type { TSearchResponse } from '../../../domain/schemas/search';
import type {
  TLaggingResponse,
  TProvinceMode,
  TStatsGroup,
  TStatsResponse,
} from '../../../domain/schemas/stats';
import { api } from '../../lib/api';

export type { TProgramme, TSearchResponse, TStatsResponse };

export interface TStatsFilter {
  planYear?: number | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
}

export function useStats(filter: TStatsFilter, groupBy: TStatsGroup, provinces: TProvinceMode = 'current') {
  const query = { ...filter, groupBy, provinces };
  return useQuery({
    queryKey: ['stats', query],
    queryFn: ({ signal }) => api<TStatsResponse>('/stats', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLagging(planYear: number | undefined) {
  return useQuery({
    queryKey: ['stats', 'lagging', planYear ?? null],
    queryFn: ({ signal }) =>
      api<TLaggingResponse>('/stats/lagging', { query: { planYear, limit: 20 }, signal }),
  });
}

export function useSearch(q: string, limit = 8) {
  return useQuery({
    queryKey: ['search', q, limit],
    queryFn: ({ signal }) => api<TSearchResponse>('/search', { query: { q, limit }, signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useProgrammes(year?: number) {
  return useQuery({
    queryKey: ['programmes', year ?? null],
    queryFn: ({ signal }) => api<{ items: TProgramme[] }>('/programmes', { query: { year }, signal }),
  });
}

export function useSaveProgramme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: TCreateProgrammeRequest | TUpdateProgrammeRequest }) =>
      input.id
        ? api<TProgramme>(`/programmes/${input.id}`, { method: 'PATCH', body: input.body })
        : api<TProgramme>('/programmes', { method: 'POST', body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programmes'] }),
  });
}

/** The proposal list's address for a drill-down (the list reads its filters from the query). */
export function proposalsLink(filter: TStatsFilter, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filter.planYear !== undefined) params.set('planYear', String(filter.planYear));
  else if (filter.fromYear === undefined && filter.toYear === undefined) params.set('planYear', 'all');
  if (filter.fromYear !== undefined) params.set('fromYear', String(filter.fromYear));
  if (filter.toYear !== undefined) params.set('toYear', String(filter.toYear));
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  return `/proposals?${params.toString()}`;
}
