import { useQuery } from '@tanstack/react-query';
import { type DetailedError, Upload } from 'tus-js-client';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TDocument, TDocumentList, TReceipt } from '../../../domain/schemas/documents';
import { ApiError, api } from '../../lib/api';
import { currentLanguage, i18n } from '../../lib/i18n';

export type { TDocument, TDocumentList, TReceipt };

/** Files above this size go through tus (resumable, in chunks); smaller ones in one multipart request. */
export const TUS_THRESHOLD = 5 * 1024 * 1024;
/** One PATCH per chunk: short requests survive flaky links, and a drop re-sends at most one chunk. */
const TUS_CHUNK_SIZE = 5 * 1024 * 1024;
/** Retry for about two minutes after a dropped connection, then give up (the user can start again). */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];
/** What the file picker offers (the server decides by content, not by this list). */
export const ACCEPTED_FILES =
  '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const documentKeys = {
  list: (proposalId: string) => ['documents', proposalId] as const,
  receipt: (proposalId: string) => ['documents', proposalId, 'receipt'] as const,
};

export function useProposalDocuments(proposalId: string) {
  return useQuery({
    queryKey: documentKeys.list(proposalId),
    queryFn: ({ signal }) => api<TDocumentList>(`/proposals/${proposalId}/documents`, { signal }),
  });
}

export function useReceipt(proposalId: string) {
  return useQuery({
    queryKey: documentKeys.receipt(proposalId),
    queryFn: ({ signal }) => api<TReceipt>(`/proposals/${proposalId}/receipt`, { signal }),
  });
}

export const contentUrl = (documentId: string) => `/api/v1/documents/${documentId}/content`;
export const receiptDocxUrl = (proposalId: string) => `/api/v1/proposals/${proposalId}/receipt.docx`;

/** A fresh CSRF token (uploads do not go through `api()`, and a long upload may outlive a rotation). */
async function csrfToken(): Promise<string> {
  const me = await api<{ csrfToken?: string }>('/me');
  return me.csrfToken ?? '';
}

function problemFrom(status: number, body: string): ApiError {
  try {
    const problem = JSON.parse(body) as { code?: string; detail?: string };
    if (problem.code) {
      return new ApiError({ status, code: problem.code, detail: problem.detail ?? i18n.t('errors.generic') });
    }
  } catch {
    // not a problem document
  }
  if (status === 0) return new ApiError({ status, code: 'network_error', detail: i18n.t('errors.network') });
  return new ApiError({ status, code: `http_${status}`, detail: i18n.t('errors.generic') });
}

export type TUploadProgress = {
  sent: number;
  total: number;
  /** The connection dropped and the upload is waiting to resume. */
  retrying: boolean;
  /** A previous attempt (an earlier page visit) is being resumed from what the server kept. */
  resumed?: boolean;
};

export type TUploadHandle = { done: Promise<string | null>; abort: () => void };

type TUploadInput = {
  proposalId: string;
  kind: TDocumentKind;
  file: File;
  /** Called with what changed: bytes sent, or that the connection dropped and a retry is pending. */
  onProgress: (progress: Partial<TUploadProgress>) => void;
};

/** Uploads a file as a new version of its kind: tus for large files, multipart for small ones. */
export function uploadDocument(input: TUploadInput): TUploadHandle {
  return input.file.size > TUS_THRESHOLD ? uploadResumable(input) : uploadMultipart(input);
}

/** One multipart request (kind first, then the file), with upload progress from XHR. */
function uploadMultipart({ proposalId, kind, file, onProgress }: TUploadInput): TUploadHandle {
  let xhr: XMLHttpRequest | null = null;
  let aborted = false;
  const attempt = (token: string) =>
    new Promise<{ status: number; body: string }>((resolve) => {
      const request = new XMLHttpRequest();
      xhr = request;
      request.open('POST', `/api/v1/proposals/${proposalId}/documents`);
      request.setRequestHeader('x-csrf-token', token);
      request.setRequestHeader('Accept', 'application/json, application/problem+json');
      request.setRequestHeader('Accept-Language', currentLanguage());
      request.upload.onprogress = (event) =>
        onProgress({
          sent: event.loaded,
          total: event.lengthComputable ? event.total : file.size,
          retrying: false,
        });
      request.onload = () => resolve({ status: request.status, body: request.responseText });
      request.onerror = () => resolve({ status: 0, body: '' });
      request.onabort = () => resolve({ status: -1, body: '' });
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      request.send(form);
    });
  const done = (async () => {
    let result = await attempt(await csrfToken());
    if (result.status === 403 && problemFrom(403, result.body).code === 'csrf_failed' && !aborted) {
      result = await attempt(await csrfToken());
    }
    if (result.status === -1) return null;
    if (result.status !== 201) throw problemFrom(result.status, result.body);
    return (JSON.parse(result.body) as TDocument).id;
  })();
  return {
    done,
    abort: () => {
      aborted = true;
      xhr?.abort();
    },
  };
}

/**
 * tus 1.0 through tus-js-client: 5 MB chunks, automatic retries after a dropped connection (resuming
 * from the server's offset), and resumption across page visits (the upload URL is remembered in the
 * browser, keyed by proposal, kind and file).
 */
function uploadResumable({ proposalId, kind, file, onProgress }: TUploadInput): TUploadHandle {
  let upload: Upload | null = null;
  // The promise's functions, captured once (the executor runs synchronously).
  const settle = {} as { resolve: (id: string | null) => void; reject: (e: unknown) => void };
  const done = new Promise<string | null>((resolve, reject) => {
    settle.resolve = resolve;
    settle.reject = reject;
  });
  void (async () => {
    let token: string;
    try {
      token = await csrfToken();
    } catch (error) {
      settle.reject(error);
      return;
    }
    upload = new Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: TUS_CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      metadata: { proposalId, kind, filename: file.name },
      headers: { 'x-csrf-token': token, 'Accept-Language': currentLanguage() },
      fingerprint: async () =>
        ['kc-tus', proposalId, kind, file.name, file.size, file.lastModified].join(':'),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress({ sent, total, retrying: false }),
      onShouldRetry: (error: DetailedError) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = !(status >= 400 && status < 500 && status !== 409 && status !== 423);
        if (retry) onProgress({ retrying: true });
        return retry;
      },
      onSuccess: (payload) => {
        const response = (payload as { lastResponse?: { getHeader(name: string): string | undefined } })
          .lastResponse;
        const id = response?.getHeader('Document-Id') ?? null;
        if (id) settle.resolve(id);
        else
          settle.reject(
            new ApiError({ status: 500, code: 'internal_error', detail: i18n.t('errors.generic') }),
          );
      },
      onError: (error) => {
        const response = (error as DetailedError).originalResponse;
        settle.reject(response ? problemFrom(response.getStatus(), response.getBody()) : problemFrom(0, ''));
      },
    });
    const previous = await upload.findPreviousUploads().catch(() => []);
    const last = previous[0];
    if (last) {
      upload.resumeFromPreviousUpload(last);
      onProgress({ resumed: true });
    }
    upload.start();
  })();
  return {
    done,
    abort: () => {
      void upload?.abort(false);
      settle.resolve(null);
    },
  };
}
