import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_QUERY_KEY, type TMe } from '../auth/auth.api';

export interface TApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** The creation answer: the only time the secret `token` is ever sent. */
export interface TCreatedApiToken extends TApiToken {
  token: string;
}

const TOKENS_KEY = ['me', 'tokens'] as const;

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { name?: string; locale?: 'vi' | 'en' }) =>
      api<TMe>('/me', { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY, exact: true }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<void>('/me/password', { method: 'POST', body: input }),
  });
}

export function useApiTokens(enabled: boolean) {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api<{ items: TApiToken[] }>('/me/tokens', { signal }),
    enabled,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api<TCreatedApiToken>('/me/tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Step 1 of TOTP enrolment: a new secret, its otpauth URI and the QR code as SVG. */
export function useStartTotp() {
  return useMutation({
    mutationFn: () =>
      api<{ secret: string; otpauthUri: string; qrSvg: string }>('/me/second-factor/totp', {
        method: 'POST',
      }),
  });
}

/** Step 2: a code from the app turns the factor on; the answer holds the recovery codes (shown once). */
export function useConfirmTotp() {
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('/me/second-factor/totp/confirm', { method: 'POST', body: { code } }),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('/me/second-factor/recovery-codes', {
        method: 'POST',
        body: { code },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY, exact: true }),
  });
}
