import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { activityName, type TRegulationSet } from '../../../domain/regulation';
import type { TRegulationSetDetail, TRegulationSetSummary } from '../../../domain/schemas/regulation-sets';
import { api, type TPage } from '../../lib/api';
import type { TLanguage } from '../../lib/i18n';

export type { TRegulationSetDetail, TRegulationSetSummary };

export interface TRegulationSetFilters {
  code?: string | undefined;
  latest?: boolean | undefined;
}

export interface TPublishRegulationSet {
  basedOnId: string;
  body: TRegulationSet;
  note?: string | undefined;
}

interface TActivityTypeRow {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** Sets are few (a couple of versions per code): the list is read whole. */
const PAGE_SIZE = 500;

const keys = {
  all: ['regulation-sets'] as const,
  list: (filters: TRegulationSetFilters) => ['regulation-sets', 'list', filters] as const,
  detail: (id: string) => ['regulation-sets', 'detail', id] as const,
};

export function useRegulationSets(filters: TRegulationSetFilters = {}) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      api<TPage<TRegulationSetSummary>>('/regulation-sets', {
        query: { ...filters, latest: filters.latest ? 'true' : undefined, page: 1, pageSize: PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRegulationSet(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api<TRegulationSetDetail>(`/regulation-sets/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    // A version never changes once published; only its `isLatest` flag does.
    staleTime: 60_000,
  });
}

export function usePublishRegulationSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TPublishRegulationSet) =>
      api<TRegulationSetDetail>('/regulation-sets', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/**
 * Activity-type names from `GET /activity-types` (the server's reference list); while it loads, or for
 * a code it does not know, the names built into the engine.
 */
export function useActivityTypeName(): (code: string, language: TLanguage) => string {
  const query = useQuery({
    queryKey: ['activity-types'],
    queryFn: ({ signal }) => api<TActivityTypeRow[]>('/activity-types', { signal }),
    staleTime: 30 * 60_000,
  });
  const rows = query.data;
  return useCallback(
    (code: string, language: TLanguage) => {
      const row = rows?.find((r) => r.code === code);
      if (row) return language === 'en' ? row.nameEn : row.nameVi;
      return activityName(code)[language];
    },
    [rows],
  );
}
