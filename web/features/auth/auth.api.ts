import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../lib/api';

export interface TMeUser {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

export interface TMeOrganization {
  id: string;
  kind: string;
  name: string;
  provinceCode: string | null;
}

/** `GET /api/v1/me`: who is signed in and what the server lets them do. */
export interface TMe {
  user: TMeUser;
  organization: TMeOrganization | null;
  roles: string[];
  permissions: string[];
  csrfToken: string;
  /** TOTP second factor: on, required for the roles (agency), recovery codes left. */
  secondFactor?: { enabled: boolean; required: boolean; recoveryCodesLeft: number };
}

export const ME_QUERY_KEY = ['me'] as const;

/** `null` when nobody is signed in (401): that is an answer, not an error. */
async function fetchMe(signal?: AbortSignal): Promise<TMe | null> {
  try {
    const me = await api<TMe>('/me', { signal, expectUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = {
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchMe(signal),
  staleTime: 5 * 60_000,
};

export function useMe() {
  return useQuery(meQueryOptions);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string; code?: string }) =>
      api<{ user: TMeUser }>('/auth/login', { method: 'POST', body: input, expectUnauthenticated: true }),
    // The session cookie is new: drop everything cached for the previous visitor, then read /me.
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', expectUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api<void>('/auth/set-password', { method: 'POST', body: input, expectUnauthenticated: true }),
  });
}
