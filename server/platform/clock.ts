/** "Today" comes from an injectable clock (architecture rule 5), so deadlines can be tested. */
export type TClock = { now(): Date };

export const systemClock: TClock = { now: () => new Date() };

/** A clock fixed at an instant, movable by tests. */
export function fixedClock(start: Date | string): TClock & { set(instant: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(instant) {
      current = new Date(instant);
    },
  };
}
