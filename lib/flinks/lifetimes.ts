/**
 * How long Flinks keeps a RequestId (docs/flinks-api.md §9 and D3): 8 minutes without activity.
 * One value for the simulator (when it ends sessions), the MFA continuation's lifetime and the
 * session page's countdown, so they cannot drift apart.
 */
export const REQUEST_ID_IDLE_MS = 8 * 60_000;
