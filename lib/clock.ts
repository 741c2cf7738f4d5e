/** The one source of "now" for use cases; tests pass their own dates instead. */
export const clock = { now: (): Date => new Date() };
