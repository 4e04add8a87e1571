import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TProposalsImportResult } from '../../../domain/schemas/proposal-sheets';
import { ApiError, api } from '../../lib/api';
import { currentLanguage, i18n } from '../../lib/i18n';
import { LOCAL_PLANS_KEY } from '../local-plans/local-plans.api';
import { proposalKeys } from './proposals.api';

export type { TProposalsImportResult };

/** The download address of the registration table for the list's filters (GET, the session cookie). */
export function exportUrl(filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1/proposals/export.xlsx${search ? `?${search}` : ''}`;
}

export const outlineUrl = (id: string) => `/api/v1/proposals/${encodeURIComponent(id)}/outline.docx`;
export const letterUrl = (registrationId: string) =>
  `/api/v1/registrations/${encodeURIComponent(registrationId)}/letter.docx`;

async function csrfToken(): Promise<string> {
  const me = await api<{ csrfToken?: string }>('/me');
  return me.csrfToken ?? '';
}

/**
 * Sends a registration table (multipart). A dry run answers 200 with every error; a commit with errors
 * answers 422 `import_rejected` carrying the same result, which is returned here too (nothing written).
 */
export async function importTable(input: {
  file: File;
  planYear: number;
  dryRun: boolean;
}): Promise<TProposalsImportResult> {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  const response = await fetch(
    `/api/v1/proposals/import?planYear=${input.planYear}&dryRun=${input.dryRun ? 'true' : 'false'}`,
    {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
        'x-csrf-token': await csrfToken(),
      },
    },
  ).catch(() => {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  });
  const body = (await response.json().catch(() => ({}))) as Partial<TProposalsImportResult> & {
    code?: string;
    detail?: string;
    errors?: unknown[];
  };
  if (response.ok || body.code === 'import_rejected') return body as TProposalsImportResult;
  throw new ApiError({
    status: response.status,
    code: body.code ?? `http_${response.status}`,
    detail: body.detail ?? i18n.t('errors.generic'),
    errors: (body.errors ?? []) as never,
  });
}

export function useImportTable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importTable,
    onSuccess: (result) => {
      if (!result.dryRun && result.errors.length === 0)
        void client.invalidateQueries({ queryKey: proposalKeys.all });
    },
  });
}

export function useCopyProposals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromPlanYear: number; toPlanYear: number; programme?: 'national' | 'local' }) =>
      api<{ created: number; codes: string[] }>('/proposals/copy', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: proposalKeys.all });
      void client.invalidateQueries({ queryKey: LOCAL_PLANS_KEY });
    },
  });
}
