import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { SERVER_LOG_DIR } from './e2e/support/check-server-logs';
import { PORTS, SENTINEL } from './e2e/support/servers';
import { ADMIN } from './e2e/support/staff';

/**
 * E2E against the built app (`next start`) with the embedded simulator as upstream. One build, then
 * three servers with different configuration (webServer entries start in order, so the first builds):
 *   main          default config (the user stories)
 *   timeout       FLINKS_TIMEOUT_MS=2000 (sim_hang must time out fast)
 *   security      sentinel secret key and API key (the security spec looks for them in everything the browser gets),
 *         upstream: a recording simulator (recordingSimulator) that remembers the authorize tokens it issued
 * Each server logs at debug into test-results/server-logs/<name>.log; the globalTeardown fails the run
 * if any secret (sentinels, toolbox keys, issued tokens, the typed password) is in those logs.
 * Chromium: Debian's through executablePath (docs/toolchain.md); Playwright's own when that is absent.
 */

const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => Boolean(p && existsSync(p)));
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const skipBuild = process.env.E2E_SKIP_BUILD === '1';
const start = (port: number) => `npx next start --hostname 127.0.0.1 --port ${port}`;
// Every server creates the first admin at start; the suite signs in once per worker and server, and the
// roles spec several times, so the per-IP sign-in limit is raised except on the server that tests it.
// debug: one line per Flinks call, so the log check (globalTeardown) has every exchange to search.
const commonEnv = {
  NEXT_TELEMETRY_DISABLED: '1', SIMULATOR_SLOW_MS: '300', LOG_LEVEL: 'debug',
  INSPECTOR_ADMIN_EMAIL: ADMIN.email, INSPECTOR_ADMIN_PASSWORD: ADMIN.password, INSPECTOR_SIGN_IN_MAX_PER_MINUTE: '1000',
};
const server = (name: keyof typeof PORTS, env: Record<string, string>, build = false) => ({
  command: build && !skipBuild ? `npx next build && ${start(PORTS[name])}` : start(PORTS[name]),
  url: `http://127.0.0.1:${PORTS[name]}/`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  // PORT: the default upstream is http://127.0.0.1:$PORT/simulator and `next start -p` does not set it.
  env: { ...commonEnv, PORT: String(PORTS[name]), DATA_DIR: `.data/e2e-${name}`, LOG_FILE: path.join(SERVER_LOG_DIR, `${name}.log`), ...env },
});

// The session inspector's specs run on their own servers (projects below), each on a fresh database.
const SESSION_SPECS = /(^|\/)(session-timeline|history|history-restart|mfa-resume|find-and-compare|transactions|replay-bundle)\.spec\.ts$/;
const SESSION_CLOCK_SPECS = /(^|\/)session-expiry\.spec\.ts$/;
const SESSION_SECURITY_SPEC = /(^|\/)session-security\.spec\.ts$/;
const API_SPECS = /(^|\/)api-cli\.spec\.ts$/;
// Staff access: roles on a server of their own; sign-in itself and single sign-on on a server with the
// default sign-in limit and a local OpenID provider.
const ROLE_SPECS = /(^|\/)(roles|admin-users)\.spec\.ts$/;
const SIGN_IN_SPECS = /(^|\/)(sign-in|sso)\.spec\.ts$/;
const INSTANCE_SPECS = /(^|\/)instances\.spec\.ts$/;
const OIDC = { clientId: 'inspector-e2e', clientSecret: 'inspector-e2e-secret-0123456789' };
const freshDataDir = (name: string) => path.join(tmpdir(), `flinks-e2e-${name}-${Date.now()}`);

// Two instances on one PostgreSQL, with the standalone simulator as their Flinks: only when
// E2E_DATABASE_URL (an admin URL, e.g. from scripts/ensure-postgres.sh) is given. Each run gets a
// fresh database; the name is pinned in the environment so workers see the same one.
// `npm test` runs Playwright inside scripts/with-postgres.sh, so TEST_DATABASE_URL is always there for it.
const instancesDb = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
process.env.E2E_INSTANCES_DB ??= `inspector_e2e_${Date.now().toString(36)}`;
const instancesUrl = instancesDb ? Object.assign(new URL(instancesDb), { pathname: `/${process.env.E2E_INSTANCES_DB}` }).toString() : '';
const instanceEnv = {
  DATABASE_URL: instancesUrl,
  FLINKS_BASE_URL: `http://127.0.0.1:${PORTS.instanceSimulator}`,
  FLINKS_ENVIRONMENT: 'simulator',
  // Both instances must open what the other sealed and accept the other's sessions.
  INSPECTOR_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  INSPECTOR_AUTH_SECRET: 'e2e-two-instances-auth-secret-0123456789',
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Runs while the servers are still up: no secret may be in anything they logged.
  globalTeardown: './e2e/support/check-server-logs.ts',
  // A budget against hangs, not a speed check (nothing here asserts on time): CI machines are
  // shared, and there a spec of many steps (admin-users: three sign-ins and three new passwords,
  // each a password hash) ran past 30 s while the other worker ran heavy specs.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: chromiumPath ? { executablePath: chromiumPath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'main', testIgnore: [/(^|\/)(session-)?timeout\.spec\.ts$/, /(^|\/)security\.spec\.ts$/, /screenshots\.spec\.ts$/, SESSION_SPECS, SESSION_CLOCK_SPECS, SESSION_SECURITY_SPEC, ROLE_SPECS, SIGN_IN_SPECS, INSTANCE_SPECS, API_SPECS], use: { baseURL: `http://127.0.0.1:${PORTS.main}` } },
    { name: 'timeout', testMatch: /(^|\/)(session-)?timeout\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${PORTS.timeout}` } },
    { name: 'security', testMatch: [/(^|\/)security\.spec\.ts$/, SESSION_SECURITY_SPEC], use: { baseURL: `http://127.0.0.1:${PORTS.security}` } },
    // Session pages: a short poll interval (202 → 200 in a second), and a simulator whose clock one spec moves.
    { name: 'sessions', testMatch: SESSION_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.sessions}` } },
    // The HTTP API and the fsi command line (issue 9), on the sessions server: its fast polling turns a 202 into 200 in a second.
    { name: 'api', testMatch: API_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.sessions}` } },
    { name: 'session-clock', testMatch: SESSION_CLOCK_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.sessionClock}` } },
    { name: 'roles', testMatch: ROLE_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.roles}` } },
    { name: 'sign-in', testMatch: SIGN_IN_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.sso}` } },
    ...(instancesDb ? [{ name: 'instances', testMatch: INSTANCE_SPECS, use: { baseURL: `http://127.0.0.1:${PORTS.instanceA}` } }] : []),
    // Not part of the suite: `SCREENSHOTS=1 npx playwright test --project screenshots` writes test-results/screenshots/ (or $SCREENSHOT_DIR).
    ...(process.env.SCREENSHOTS ? [{ name: 'screenshots', testMatch: /screenshots\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${PORTS.main}` } }] : []),
  ],
  webServer: [
    server('main', {}, true),
    server('timeout', { FLINKS_TIMEOUT_MS: '2000' }),
    server('sessions', { POLL_INTERVAL_MS: '300', DATA_DIR: freshDataDir('sessions') }),
    server('sessionClock', { POLL_INTERVAL_MS: '300', DATA_DIR: freshDataDir('session-clock') }),
    server('roles', { DATA_DIR: freshDataDir('roles') }),
    {
      command: 'npx tsx e2e/support/oidc-server.ts',
      url: `http://127.0.0.1:${PORTS.oidc}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(PORTS.oidc), OIDC_APP_URL: `http://127.0.0.1:${PORTS.sso}`, OIDC_CLIENT_ID: OIDC.clientId, OIDC_CLIENT_SECRET: OIDC.clientSecret },
    },
    server('sso', {
      DATA_DIR: freshDataDir('sso'),
      INSPECTOR_SIGN_IN_MAX_PER_MINUTE: '5',
      INSPECTOR_PUBLIC_URL: `http://127.0.0.1:${PORTS.sso}`,
      INSPECTOR_OIDC_ISSUER: `http://127.0.0.1:${PORTS.oidc}`,
      INSPECTOR_OIDC_CLIENT_ID: OIDC.clientId,
      INSPECTOR_OIDC_CLIENT_SECRET: OIDC.clientSecret,
      INSPECTOR_OIDC_ROLE_CLAIM: 'inspector_role',
      INSPECTOR_OIDC_LABEL: 'Loopback OpenID',
    }),
    // The security server talks to a recording simulator (issued tokens readable) with the sentinel keys.
    {
      command: 'npx tsx e2e/support/recording-simulator.ts',
      url: `http://127.0.0.1:${PORTS.recordingSimulator}/_issued-tokens`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { RECORDING_SIMULATOR_PORT: String(PORTS.recordingSimulator), E2E_SENTINEL_SECRET: SENTINEL.secretKey, E2E_SENTINEL_API_KEY: SENTINEL.apiKey },
    },
    server('security', {
      FLINKS_BASE_URL: `http://127.0.0.1:${PORTS.recordingSimulator}`,
      FLINKS_ENVIRONMENT: 'simulator',
      FLINKS_SECRET_KEY: SENTINEL.secretKey,
      FLINKS_API_KEY: SENTINEL.apiKey,
    }),
    ...(instancesDb
      ? [
          {
            command: 'npm run simulator',
            port: PORTS.instanceSimulator,
            timeout: 60_000,
            reuseExistingServer: false,
            env: { PORT: String(PORTS.instanceSimulator), LOG_LEVEL: 'error' },
          },
          // Started one after the other (the first creates the database and the first admin).
          { ...server('instanceA', instanceEnv), command: `node scripts/create-database.mjs ${instancesDb} ${process.env.E2E_INSTANCES_DB} && ${start(PORTS.instanceA)}` },
          server('instanceB', instanceEnv),
        ]
      : []),
  ],
});
