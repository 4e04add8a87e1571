import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAcceptanceRequest,
  TAdjustmentDecisionRequest,
  TAdjustmentRequest,
  TAdvanceRequest,
  TContractRequest,
  TDueReports,
  TImplementationPhoto,
  TImplementationView,
  TInspectionPlanRequest,
  TInspectionResultRequest,
  TLateSettlements,
  TOverdueList,
  TProgressReportRequest,
  TSettlementRequest,
} from '../../../domain/schemas/implementation';
import type { TLaggingResponse } from '../../../domain/schemas/stats';
import { ApiError, api } from '../../lib/api';
import { currentLanguage, i18n } from '../../lib/i18n';

export type {
  TDueReports,
  TImplementationPhoto,
  TImplementationView,
  TLaggingResponse,
  TLateSettlements,
  TOverdueList,
};

export const implementationKeys = {
  all: ['implementation'] as const,
  view: (id: string) => ['implementation', 'view', id] as const,
  due: ['implementation', 'due'] as const,
  overdue: (month: string) => ['implementation', 'overdue', month] as const,
  late: ['implementation', 'late-settlements'] as const,
  lagging: ['implementation', 'lagging'] as const,
};

export function useImplementation(id: string | undefined) {
  return useQuery({
    queryKey: implementationKeys.view(id ?? ''),
    queryFn: ({ signal }) =>
      api<TImplementationView>(`/proposals/${encodeURIComponent(id ?? '')}/implementation`, { signal }),
    enabled: Boolean(id),
  });
}

export function useDueReports() {
  return useQuery({
    queryKey: implementationKeys.due,
    queryFn: ({ signal }) => api<TDueReports>('/progress-reports/due', { signal }),
  });
}

export function useOverdueReports(month: string) {
  return useQuery({
    queryKey: implementationKeys.overdue(month),
    queryFn: ({ signal }) => api<TOverdueList>('/progress-reports/overdue', { query: { month }, signal }),
  });
}

export function useLateSettlements() {
  return useQuery({
    queryKey: implementationKeys.late,
    queryFn: ({ signal }) => api<TLateSettlements>('/implementation/late-settlements', { signal }),
  });
}

export function useLagging() {
  return useQuery({
    queryKey: implementationKeys.lagging,
    queryFn: ({ signal }) => api<TLaggingResponse>('/stats/lagging', { query: { limit: 200 }, signal }),
  });
}

/**
 * Every implementation step answers the proposal's new implementation view: it replaces the cached
 * one, and the proposal (its status and history) and the lists are fetched again.
 */
function useStep<TInput>(path: (input: TInput) => string, body: (input: TInput) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) =>
      api<TImplementationView>(path(input), { method: 'POST', body: body(input) }),
    onSuccess: (view) => {
      queryClient.setQueryData(implementationKeys.view(view.proposalId), view);
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      void queryClient.invalidateQueries({ queryKey: ['documents', view.proposalId] });
      return queryClient.invalidateQueries({ queryKey: implementationKeys.all });
    },
  });
}

type TOn<B> = { id: string; body: B };
const on = (step: string) => (input: { id: string }) => `/proposals/${encodeURIComponent(input.id)}/${step}`;
const bodyOf = <B>(input: TOn<B>) => input.body;

export const useSignContract = () => useStep<TOn<TContractRequest>>(on('contract'), bodyOf);
export const useRecordAdvance = () => useStep<TOn<TAdvanceRequest>>(on('advances'), bodyOf);
export const useSubmitReport = () => useStep<TOn<TProgressReportRequest>>(on('progress-reports'), bodyOf);
export const useRequestAdjustment = () => useStep<TOn<TAdjustmentRequest>>(on('adjustments'), bodyOf);
export const usePlanInspection = () => useStep<TOn<TInspectionPlanRequest>>(on('inspections'), bodyOf);
export const useRecordAcceptance = () => useStep<TOn<TAcceptanceRequest>>(on('acceptance'), bodyOf);
export const useRecordSettlement = () => useStep<TOn<TSettlementRequest>>(on('settlement'), bodyOf);
export const useCloseProposal = () => useStep<{ id: string }>(on('close'), () => ({}));
export const useDecideAdjustment = () =>
  useStep<TOn<TAdjustmentDecisionRequest>>(
    (input) => `/adjustments/${encodeURIComponent(input.id)}/decision`,
    bodyOf,
  );
export const useRecordInspection = () =>
  useStep<TOn<TInspectionResultRequest>>(
    (input) => `/inspections/${encodeURIComponent(input.id)}/result`,
    bodyOf,
  );

export const photoUrl = (photoId: string) =>
  `/api/v1/implementation-photos/${encodeURIComponent(photoId)}/content`;

/**
 * Sends one picture (multipart `file`) to an inspection (`/inspections/{id}/photos`) or a monthly
 * report (`/proposals/{id}/progress-reports/{month}/photos`); the server keeps JPEG and PNG only.
 */
export async function uploadPhoto(path: string, file: File): Promise<TImplementationPhoto> {
  const me = await api<{ csrfToken?: string }>('/me');
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        'x-csrf-token': me.csrfToken ?? '',
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
      },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
      detail: typeof body.detail === 'string' ? body.detail : i18n.t('errors.generic'),
    });
  }
  return body as unknown as TImplementationPhoto;
}
