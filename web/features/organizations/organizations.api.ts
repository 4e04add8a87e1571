import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { api, type TPage } from '../../lib/api';
import { compareVietnamese } from '../../lib/format';

export interface TOrganization {
  id: string;
  kind: TOrganizationKind;
  name: string;
  shortName: string | null;
  provinceCode: string | null;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
  createdAt: string;
}

export interface TOrganizationDetail extends TOrganization {
  nameHistory: { name: string; shortName?: string | null; validFrom: string; validTo: string | null }[];
}

export interface TOrganizationFilters {
  kind?: TOrganizationKind | undefined;
  provinceCode?: string | undefined;
  q?: string | undefined;
  active?: boolean | undefined;
}

export interface TCreateOrganization {
  kind: TOrganizationKind;
  name: string;
  shortName?: string;
  provinceCode?: string;
  parentId?: string;
}

export interface TUpdateOrganization {
  name?: string;
  shortName?: string | null;
  renamedFrom?: string;
  provinceCode?: string | null;
  parentId?: string | null;
  active?: boolean;
}

/** The API's largest page: organisations are a few hundred, so the list is read whole and sorted here. */
export const ORGANIZATIONS_PAGE_SIZE = 500;

const keys = {
  all: ['organizations'] as const,
  list: (filters: TOrganizationFilters) => ['organizations', 'list', filters] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(filters: TOrganizationFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      api<TPage<TOrganization>>('/organizations', {
        query: { ...filters, page: 1, pageSize: ORGANIZATIONS_PAGE_SIZE, sort: 'name' },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every organisation as select options, in Vietnamese alphabetical order. */
export function useOrganizationOptions(enabled = true) {
  const query = useQuery({
    queryKey: keys.list({}),
    queryFn: ({ signal }) =>
      api<TPage<TOrganization>>('/organizations', {
        query: { page: 1, pageSize: ORGANIZATIONS_PAGE_SIZE, sort: 'name' },
        signal,
      }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const items = [...(query.data?.items ?? [])].sort((a, b) => compareVietnamese(a.name, b.name));
    return { isLoading: query.isPending && enabled, items };
  }, [query.data, query.isPending, enabled]);
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api<TOrganizationDetail>(`/organizations/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateOrganization) =>
      api<TOrganization>('/organizations', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateOrganization }) =>
      api<TOrganization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
