import { QueryClient } from '@tanstack/react-query';
import { currentLanguage, i18n } from './i18n';

/** The base of every call; the web app and the API share one origin. */
const API_BASE = '/api/v1';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A field-level problem of a `validation_failed` (or similar) answer. */
export interface TFieldError {
  path: string;
  code: string;
  message: string;
}

/** Paginated list envelope of api.md. */
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A refused or failed call, parsed from `application/problem+json`. `detail` is the server's message
 * in the UI language (it is asked for with `Accept-Language`); `code` is what code branches on.
 * Network failures have status 0 and code `network_error`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: TFieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    errors?: TFieldError[];
    requestId?: string | undefined;
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail;
  return i18n.t('errors.generic');
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Set from `GET /me`; sent as `x-csrf-token` on unsafe methods (cookie sessions need it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when a call answers 401 (the router sends the user to /login). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

type TQueryValue = string | number | boolean | null | undefined;

export interface TRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, TQueryValue | TQueryValue[]>;
  signal?: AbortSignal | undefined;
  /** A 401 is an expected answer (login, the `me` probe): do not redirect to /login. */
  expectUnauthenticated?: boolean;
}

function buildUrl(path: string, query: TRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query ?? {})) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

interface TProblem {
  code?: unknown;
  detail?: unknown;
  title?: unknown;
  errors?: unknown;
  requestId?: unknown;
}

function isFieldError(value: unknown): value is TFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.path === 'string' && typeof candidate.message === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: TProblem = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as TProblem;
  } catch {
    // Not JSON (a proxy's HTML error page): fall back to a generic message below.
  }
  const detail =
    typeof problem.detail === 'string' && problem.detail
      ? problem.detail
      : typeof problem.title === 'string' && problem.title
        ? problem.title
        : i18n.t('errors.generic');
  return new ApiError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    detail,
    errors: Array.isArray(problem.errors)
      ? problem.errors
          .filter(isFieldError)
          .map((e) => ({ path: e.path, code: e.code ?? '', message: e.message }))
      : [],
    requestId:
      typeof problem.requestId === 'string'
        ? problem.requestId
        : (response.headers.get('x-request-id') ?? undefined),
  });
}

async function send(path: string, options: TRequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
}

/** Fetches a fresh CSRF token (the session may have rotated since `/me` was read). */
async function refreshCsrfToken(): Promise<void> {
  const response = await send('/me', { expectUnauthenticated: true });
  if (!response.ok) return;
  const body = (await response.json()) as { csrfToken?: unknown };
  setCsrfToken(typeof body.csrfToken === 'string' ? body.csrfToken : null);
}

/**
 * Calls the API and returns its JSON (or `undefined` for 204). Throws `ApiError` on any refusal.
 * Unsafe calls carry the CSRF token; a `csrf_failed` refusal is retried once with a fresh token.
 */
export async function api<T>(path: string, options: TRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const isUnsafe = UNSAFE_METHODS.has(method);
  if (isUnsafe && !csrfToken && !path.startsWith('/auth/')) await refreshCsrfToken();

  let response = await send(path, options);
  if (isUnsafe && response.status === 403) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send(path, options);
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.expectUnauthenticated) {
      setCsrfToken(null);
      unauthenticatedHandler?.();
    }
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Shared query client. Slow provincial links: no refetch on every window focus, a short stale time,
 * and retries only for network failures and 5xx answers (a 4xx will not change by retrying).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
