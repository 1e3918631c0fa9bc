/** Ports and sentinel secrets shared by playwright.config.ts and the specs. */
export const PORTS = { main: 3100, timeout: 3101, security: 3102, recordingSimulator: 3103, sessions: 3104, sessionClock: 3105 } as const;

/** Unique per run, so the security spec can prove these values never reach the browser. */
export const SENTINEL = {
  secretKey: process.env.E2E_SENTINEL_SECRET ?? `sentinel-secret-${Date.now().toString(36)}-c0ffee`,
  apiKey: process.env.E2E_SENTINEL_API_KEY ?? `sentinel-apikey-${Date.now().toString(36)}-beef`,
};
// Workers inherit the runner's environment: pin the values so they see the same ones.
process.env.E2E_SENTINEL_SECRET = SENTINEL.secretKey;
process.env.E2E_SENTINEL_API_KEY = SENTINEL.apiKey;
