/** ACT-15: 30 minutes idle (rolling cookie), 12 hours at most from login. */
export const IDLE_SECONDS = 30 * 60;
export const MAX_SESSION_MS = 12 * 3600_000;
