import type { TCheckableProposal, TFinding } from './types';

/** A valid, balanced demonstration-model proposal for 2026; tests override what they exercise. */
export function proposal(overrides: Partial<TCheckableProposal> = {}): TCheckableProposal {
  return {
    planYear: 2026,
    activityType: 'demonstration_model',
    isPilot: false,
    budget: { total: 5_000_000_000, requested: 1_000_000_000, counterpart: 4_000_000_000, other: 0 },
    ...overrides,
  };
}

/** The codes of the findings, in order. */
export const codes = (findings: readonly TFinding[]) => findings.map((f) => f.code);

/** The findings with one code. */
export const withCode = (findings: readonly TFinding[], code: TFinding['code']) =>
  findings.filter((f) => f.code === code);
