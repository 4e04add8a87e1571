import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TReferencedCertificate } from '../../../domain/regulation';
import type {
  TCertificate,
  TCertificateDetail,
  TCertificateReport,
  TCreateCertificateRequest,
  TImportResult,
  TPutReportRequest,
  TUpdateCertificateRequest,
} from '../../../domain/schemas/typical-products';
import { ApiError, api, type TFieldError, type TPage } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';

export type { TCertificate, TCertificateDetail, TCertificateReport };

export interface TCertificatesQuery {
  q?: string | undefined;
  level?: string | undefined;
  productGroup?: string | undefined;
  provinceCode?: string | undefined;
  taxCode?: string | undefined;
  validOn?: string | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

export const certificateKeys = {
  all: ['typical-products'] as const,
  list: (query: TCertificatesQuery) => ['typical-products', 'list', query] as const,
  detail: (id: string) => ['typical-products', 'detail', id] as const,
};

export function useCertificates(query: TCertificatesQuery, enabled = true) {
  return useQuery({
    queryKey: certificateKeys.list(query),
    queryFn: ({ signal }) => api<TPage<TCertificate>>('/typical-products', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCertificate(id: string | undefined) {
  return useQuery({
    queryKey: certificateKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api<TCertificateDetail>(`/typical-products/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** A certificate as the rule engine reads it. */
export function toReferenced(c: TCertificate): TReferencedCertificate {
  return {
    id: c.id,
    number: c.certificateNumber,
    level: c.level,
    productName: c.productName,
    holderName: c.establishmentName,
    holderTaxCode: c.establishmentTaxCode,
    validUntil: c.validUntil,
  };
}

/**
 * The registry's facts of the certificates a proposal form references, for the live rule check (the
 * same facts the server passes to the engine). Ids the registry does not know are left out.
 */
export function useReferencedCertificates(ids: unknown): TReferencedCertificate[] {
  const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  const results = useQueries({
    queries: list.map((id) => ({
      queryKey: certificateKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<TCertificateDetail>(`/typical-products/${encodeURIComponent(id)}`, { signal }),
      retry: false,
    })),
  });
  // A stable array for the live check's memo: it changes only when the facts do.
  const key = JSON.stringify(results.flatMap((r) => (r.data ? [toReferenced(r.data)] : [])));
  return useMemo(() => JSON.parse(key) as TReferencedCertificate[], [key]);
}

export function useCreateCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCertificateRequest) =>
      api<TCertificateDetail>('/typical-products', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}

export function useUpdateCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateCertificateRequest }) =>
      api<TCertificateDetail>(`/typical-products/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}

export function usePutReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, year, body }: { id: string; year: number; body: TPutReportRequest }) =>
      api<TCertificateReport>(`/typical-products/${encodeURIComponent(id)}/reports/${year}`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (_r, v) => client.invalidateQueries({ queryKey: certificateKeys.detail(v.id) }),
  });
}

/** POSTs one file as multipart (the JSON client cannot), with the CSRF token; throws `ApiError`. */
async function postFile<T>(path: string, file: File): Promise<T> {
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
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLanguage(),
        'x-csrf-token': me.csrfToken ?? '',
      },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: 'network' });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
      detail: typeof body.detail === 'string' ? body.detail : String(response.status),
      errors: Array.isArray(body.errors) ? (body.errors as TFieldError[]) : [],
    });
  }
  return body as T;
}

export function useUploadScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      postFile<TCertificateDetail>(`/typical-products/${encodeURIComponent(id)}/scan`, file),
    onSuccess: (_r, v) => client.invalidateQueries({ queryKey: certificateKeys.detail(v.id) }),
  });
}

export function useImportCertificates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<TImportResult>('/typical-products/import', file),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}
