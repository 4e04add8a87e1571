import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateCycleRequest, TCycle } from '../../../domain/schemas/cycles';
import type { TApprovePlanRequest, TPlan } from '../../../domain/schemas/plans';
import type { TProposal } from '../../../domain/schemas/proposals';
import { api, type TPage } from '../../lib/api';

export type { TCycle, TPlan, TProposal };

/** Every query of the local plans page sits under this key: a change elsewhere invalidates it whole. */
export const LOCAL_PLANS_KEY = ['local-plans'] as const;

/** Local (KCĐP) cycles the caller sees: their province's (the agency: every province's). */
export function useLocalCycles() {
  return useQuery({
    queryKey: [...LOCAL_PLANS_KEY, 'cycles'],
    queryFn: ({ signal }) =>
      api<TPage<TCycle>>('/cycles', { query: { programme: 'local', page: 1, pageSize: 200 }, signal }),
  });
}

export function useLocalProposals(planYear: number | undefined, provinceCode: string | undefined) {
  return useQuery({
    queryKey: [...LOCAL_PLANS_KEY, 'proposals', planYear ?? 0, provinceCode ?? ''],
    queryFn: ({ signal }) =>
      api<TPage<TProposal>>('/proposals', {
        query: { programme: 'local', planYear, provinceCode, page: 1, pageSize: 200, sort: 'code' },
        signal,
      }),
    enabled: typeof planYear === 'number' && !!provinceCode,
  });
}

export function useLocalPlan(planYear: number | undefined, provinceCode: string | undefined) {
  return useQuery({
    queryKey: [...LOCAL_PLANS_KEY, 'plan', planYear ?? 0, provinceCode ?? ''],
    queryFn: ({ signal }) => api<TPlan>(`/local-plans/${provinceCode}/${planYear}`, { signal }),
    enabled: typeof planYear === 'number' && !!provinceCode,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: LOCAL_PLANS_KEY });
    void client.invalidateQueries({ queryKey: ['proposals'] });
    void client.invalidateQueries({ queryKey: ['cycles'] });
  };
}

export function useCreateLocalCycle() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<TCreateCycleRequest>) => api<TCycle>('/cycles', { method: 'POST', body }),
    onSuccess,
  });
}

export function useRegisterLocal() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      planYear: number;
      proposalIds: string[];
      letterNumber: string;
      letterDate: string;
    }) => api('/registrations', { method: 'POST', body: { ...body, programme: 'local' } }),
    onSuccess,
  });
}

export function useAcceptLocal() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (proposalIds: string[]) =>
      api('/local-appraisal/accept', { method: 'POST', body: { proposalIds } }),
    onSuccess,
  });
}

export function useDecideLocal() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      id: string;
      body: { result: 'recommended' | 'not_recommended'; approvedFunding: number; note?: string };
    }) => api(`/proposals/${input.id}/local-decision`, { method: 'POST', body: input.body }),
    onSuccess,
  });
}

export function useApproveLocalPlan(planYear: number | undefined, provinceCode: string | undefined) {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: TApprovePlanRequest) =>
      api<TPlan>(`/local-plans/${provinceCode}/${planYear}/approve`, { method: 'POST', body }),
    onSuccess,
  });
}

export const localPlanExportUrl = (provinceCode: string, planYear: number, format: 'xlsx' | 'docx') =>
  `/api/v1/local-plans/${provinceCode}/${planYear}/export.${format}`;
