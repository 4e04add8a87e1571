import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '../../../domain/enums/roles';
import { api, type TPage } from '../../lib/api';

export interface TUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  provinceCode: string | null;
  roles: string[];
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export type TUserSort =
  | 'name'
  | '-name'
  | 'email'
  | '-email'
  | 'lastLoginAt'
  | '-lastLoginAt'
  | 'createdAt'
  | '-createdAt';

export interface TUsersQuery {
  organizationId?: string | undefined;
  role?: TRole | undefined;
  q?: string | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
  sort: TUserSort;
}

export interface TCreateUser {
  email: string;
  name: string;
  organizationId: string;
  roles: TRole[];
  password?: string;
}

export interface TUpdateUser {
  name?: string;
  organizationId?: string;
  roles?: TRole[];
  active?: boolean;
}

const keys = {
  all: ['users'] as const,
  list: (query: TUsersQuery) => ['users', 'list', query] as const,
};

/** Paged on the server: a national system has thousands of accounts. */
export function useUsers(query: TUsersQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<TPage<TUser>>('/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateUser) => api<TUser>('/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateUser }) =>
      api<TUser>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
