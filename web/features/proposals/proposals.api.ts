import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBaseAppraisalRequest,
  TCreateProposalRequest,
  TCreateRegistrationRequest,
  TProposal,
  TProposalDetail,
  TReturnRequest,
  TUpdateProposalRequest,
  TWithdrawRequest,
} from '../../../domain/schemas/proposals';
import type { TCheckResponse } from '../../../domain/schemas/regulation-sets';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { api, type TPage } from '../../lib/api';

export type { TCheckResponse, TProposal, TProposalDetail };

export interface TProposalsQuery {
  planYear?: number | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  provinceCode?: string | undefined;
  provinces?: 'current' | 'historical' | undefined;
  status?: TProposalStatus[] | undefined;
  activityType?: string | undefined;
  orientation?: string | undefined;
  organizationId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (query: TProposalsQuery) => ['proposals', 'list', query] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  checks: (id: string) => ['proposals', 'checks', id] as const,
  counts: (planYear: number | undefined) => ['proposals', 'counts', planYear ?? null] as const,
};

export function useProposals(query: TProposalsQuery, enabled = true) {
  return useQuery({
    queryKey: proposalKeys.list(query),
    queryFn: ({ signal }) =>
      api<TPage<TProposal>>('/proposals', {
        query: { ...query, status: query.status?.join(',') },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposal(id: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<TProposalDetail>(`/proposals/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** The server's authoritative check of the saved proposal (with its stored documents). */
export function useProposalChecks(id: string | undefined, lockVersion: number | undefined) {
  return useQuery({
    queryKey: [...proposalKeys.checks(id ?? ''), lockVersion ?? 0],
    queryFn: ({ signal }) =>
      api<TCheckResponse>(`/proposals/${encodeURIComponent(id ?? '')}/checks`, { signal }),
    enabled: Boolean(id),
  });
}

export function useStatusCounts(planYear: number | undefined) {
  return useQuery({
    queryKey: proposalKeys.counts(planYear),
    queryFn: ({ signal }) =>
      api<{ total: number; byStatus: { status: TProposalStatus; count: number }[] }>(
        '/proposals/status-counts',
        {
          query: { planYear },
          signal,
        },
      ),
  });
}

/** Every change of one proposal refreshes lists, counts and its detail. */
function useProposalMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      const detail = result as { id?: string } | undefined;
      if (detail?.id) queryClient.setQueryData(proposalKeys.detail(detail.id), result);
      return queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    },
  });
}

export const useCreateProposal = () =>
  useProposalMutation((input: TCreateProposalRequest) =>
    api<TProposalDetail>('/proposals', { method: 'POST', body: input }),
  );

export const useUpdateProposal = () =>
  useProposalMutation(({ id, changes }: { id: string; changes: TUpdateProposalRequest }) =>
    api<TProposalDetail>(`/proposals/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );

export const useDeleteProposal = () =>
  useProposalMutation((id: string) =>
    api<undefined>(`/proposals/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );

export const useRegisterProposals = () =>
  useProposalMutation((input: TCreateRegistrationRequest) =>
    api<{ id: string; proposalIds: string[] }>('/registrations', { method: 'POST', body: input }),
  );

export const useBaseAppraisal = () =>
  useProposalMutation(({ id, input }: { id: string; input: TBaseAppraisalRequest }) =>
    api<TProposalDetail>(`/proposals/${encodeURIComponent(id)}/base-appraisal`, {
      method: 'POST',
      body: input,
    }),
  );

export const useSubmitProposal = () =>
  useProposalMutation((id: string) =>
    api<TProposalDetail>(`/proposals/${encodeURIComponent(id)}/submit`, { method: 'POST' }),
  );

export const useReturnProposal = () =>
  useProposalMutation(({ id, input }: { id: string; input: TReturnRequest }) =>
    api<TProposalDetail>(`/proposals/${encodeURIComponent(id)}/return`, { method: 'POST', body: input }),
  );

export const useWithdrawProposal = () =>
  useProposalMutation(({ id, input }: { id: string; input: TWithdrawRequest }) =>
    api<TProposalDetail>(`/proposals/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: input }),
  );
