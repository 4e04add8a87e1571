import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TAppraisalRequest,
  TAppraisalView,
  TDecisionRequest,
  ZInbox,
  ZQueue,
} from '../../../domain/schemas/appraisals';
import type { TApprovePlanRequest, TOpenDataPlan, TPlan } from '../../../domain/schemas/plans';
import { api, type TPage } from '../../lib/api';

export type TInbox = z.infer<typeof ZInbox>;
export type TQueue = z.infer<typeof ZQueue>;
export type { TAppraisalView, TOpenDataPlan, TPlan };

const keys = {
  inbox: (planYear: number, provinceCode?: string, status?: string) =>
    ['appraisal', 'inbox', planYear, provinceCode ?? '', status ?? ''] as const,
  queue: ['appraisal', 'queue'] as const,
  view: (id: string) => ['appraisal', 'view', id] as const,
  plan: (planYear: number) => ['plans', planYear] as const,
};

export function useInbox(planYear: number | undefined, provinceCode?: string, status?: string) {
  return useQuery({
    queryKey: keys.inbox(planYear ?? 0, provinceCode, status),
    queryFn: ({ signal }) =>
      api<TInbox>('/appraisal/inbox', { query: { planYear, provinceCode, status }, signal }),
    enabled: typeof planYear === 'number',
  });
}

export function useQueue() {
  return useQuery({
    queryKey: keys.queue,
    queryFn: ({ signal }) => api<TQueue>('/appraisal/queue', { signal }),
  });
}

export function useAppraisal(id: string) {
  return useQuery({
    queryKey: keys.view(id),
    queryFn: ({ signal }) => api<TAppraisalView>(`/proposals/${id}/appraisals`, { signal }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['appraisal'] });
    void client.invalidateQueries({ queryKey: ['plans'] });
    void client.invalidateQueries({ queryKey: ['proposals'] });
  };
}

export function useAccept() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (proposalIds: string[]) =>
      api<{ accepted: string[] }>('/appraisal/accept', { method: 'POST', body: { proposalIds } }),
    onSuccess: invalidate,
  });
}

export function useAssign(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (userIds: string[]) =>
      api<TAppraisalView>(`/proposals/${id}/appraisal-assignments`, { method: 'POST', body: { userIds } }),
    onSuccess: invalidate,
  });
}

export function useSaveAppraisal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TAppraisalRequest) =>
      api<TAppraisalView>(`/proposals/${id}/appraisals/mine`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useDecide(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TDecisionRequest) =>
      api<TAppraisalView>(`/proposals/${id}/decision`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAppraisers(enabled: boolean) {
  return useQuery({
    queryKey: ['appraisal', 'people'],
    enabled,
    queryFn: async ({ signal }) => {
      type TUserRow = { id: string; name: string; organizationName: string; active: boolean };
      const [council, staff] = await Promise.all(
        ['appraiser', 'agency_officer'].map((role) =>
          api<TPage<TUserRow>>('/users', { query: { role, active: 'true', pageSize: 500 }, signal }),
        ),
      );
      const seen = new Set<string>();
      return [...(council?.items ?? []), ...(staff?.items ?? [])].filter((u) => {
        if (seen.has(u.id)) return false;
        seen.add(u.id);
        return true;
      });
    },
  });
}

export function usePlan(planYear: number) {
  return useQuery({
    queryKey: keys.plan(planYear),
    queryFn: ({ signal }) => api<TPlan>(`/plans/${planYear}`, { signal }),
    enabled: planYear > 0,
  });
}

export function useApprovePlan(planYear: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TApprovePlanRequest) =>
      api<TPlan>(`/plans/${planYear}/approve`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useOpenData(planYear: number) {
  return useQuery({
    queryKey: ['open-data', planYear],
    queryFn: ({ signal }) => api<TOpenDataPlan>(`/open-data/plans/${planYear}.json`, { signal }),
    retry: false,
  });
}

export const planExportUrl = (planYear: number, format: 'xlsx' | 'docx') =>
  `/api/v1/plans/${planYear}/export.${format}`;
export const minutesUrl = (id: string) => `/api/v1/proposals/${id}/appraisal-minutes.docx`;
export const openDataUrl = (planYear: number, format: 'csv' | 'json') =>
  `/api/v1/open-data/plans/${planYear}.${format}`;
