import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateCycleRequest,
  TCreateExtensionRequest,
  TCycle,
  TExtension,
  TUpdateCycleRequest,
} from '../../../domain/schemas/cycles';
import { api, type TPage } from '../../lib/api';
import { LOCAL_PLANS_KEY } from '../local-plans/local-plans.api';

export type { TCycle, TExtension };

const keys = {
  all: ['cycles'] as const,
  list: ['cycles', 'list'] as const,
  detail: (planYear: number) => ['cycles', 'detail', planYear] as const,
  extensions: (planYear: number) => ['cycles', 'extensions', planYear] as const,
};

/** Cycles are one per plan year: the list is read whole, newest first. */
export function useCycles() {
  return useQuery({
    queryKey: keys.list,
    // The national cycles; local (KCĐP) ones have their own page (features/local-plans).
    queryFn: ({ signal }) =>
      api<TPage<TCycle>>('/cycles', { query: { programme: 'national', page: 1, pageSize: 500 }, signal }),
    staleTime: 60_000,
  });
}

/** The national cycle of a plan year, or with `provinceCode` that province's local (KCĐP) cycle. */
export function useCycle(planYear: number | null | undefined, provinceCode?: string | null) {
  return useQuery({
    queryKey: [...keys.detail(planYear ?? 0), provinceCode ?? ''],
    queryFn: ({ signal }) =>
      api<TCycle>(`/cycles/${planYear}`, { query: provinceCode ? { provinceCode } : {}, signal }),
    enabled: typeof planYear === 'number',
    staleTime: 60_000,
  });
}

export function useExtensions(planYear: number | null) {
  return useQuery({
    queryKey: keys.extensions(planYear ?? 0),
    queryFn: ({ signal }) => api<TPage<TExtension>>(`/cycles/${planYear}/extensions`, { signal }),
    enabled: typeof planYear === 'number',
  });
}

/** The cycle whose next deadline is nearest for the caller, else the newest one. */
export function currentCycle(cycles: readonly TCycle[], now = Date.now()): TCycle | undefined {
  const upcoming = cycles
    .map((cycle) => {
      const next = [cycle.myDeadlines.registration, cycle.myDeadlines.dossier]
        .map((d) => Date.parse(d.deadline))
        .filter((t) => t >= now)
        .sort((a, b) => a - b)[0];
      return { cycle, next };
    })
    .filter((c): c is { cycle: TCycle; next: number } => c.next !== undefined)
    .sort((a, b) => a.next - b.next);
  return upcoming[0]?.cycle ?? cycles[0];
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<TCreateCycleRequest> & { planYear: number }) =>
      api<TCycle>('/cycles', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      planYear,
      provinceCode,
      changes,
    }: {
      planYear: number;
      /** A province's local (KCĐP) cycle; without it the national one. */
      provinceCode?: string | null;
      changes: TUpdateCycleRequest;
    }) =>
      api<TCycle>(`/cycles/${planYear}`, {
        method: 'PATCH',
        query: provinceCode ? { provinceCode } : {},
        body: changes,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.all }),
        // The local plans page reads its cycles under its own key.
        queryClient.invalidateQueries({ queryKey: LOCAL_PLANS_KEY }),
      ]),
  });
}

export function useGrantExtension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planYear, input }: { planYear: number; input: TCreateExtensionRequest }) =>
      api<TExtension>(`/cycles/${planYear}/extensions`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
