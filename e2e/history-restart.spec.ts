import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_LOG_DIR } from './support/check-server-logs';
import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { InspectorPage } from './support/inspector-page';
import { PORTS } from './support/servers';
import { runOnlyIn, SessionPage } from './support/session-page';
import { ADMIN, signedInState } from './support/staff';

/**
 * History is in the database, not in the process: a real `next start` (the build the other servers
 * use) on its own port and DATA_DIR is killed by pid and started again on the same folder.
 */
const PORT = PORTS.restart;
const base = `http://127.0.0.1:${PORT}`;

function startServer(dataDir: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(process.cwd(), 'node_modules/next/dist/bin/next'), 'start', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'debug', LOG_FILE: path.join(SERVER_LOG_DIR, 'history-restart.log'), INSPECTOR_ADMIN_EMAIL: ADMIN.email, INSPECTOR_ADMIN_PASSWORD: ADMIN.password },
    stdio: 'ignore',
    detached: true,
  });
  return child;
}

async function waitUntilUp(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${base} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM'); // its own process group: only what this spec started
  await exited;
}

test.beforeEach(runOnlyIn('sessions'));

test('history survives a server restart', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'history-restart-'));
  let server = startServer(dataDir);
  try {
    await waitUntilUp();
    const context = await browser.newContext({ baseURL: base, storageState: await signedInState(base, ADMIN, test.info().outputPath('admin-1.json')) });
    const inspector = new InspectorPage(await context.newPage());
    await inspector.goto();
    const tag = `restart-${Date.now()}`;
    await inspector.openCached(SAMPLE_LOGIN_ID, tag);
    const session = await SessionPage.openFrom(inspector);
    const requestId = await session.requestId();
    await context.close();

    await stop(server);
    server = startServer(dataDir);
    await waitUntilUp();

    // The staff session is in the database too: the same cookie still works after the restart.
    const again = await browser.newContext({ baseURL: base, storageState: test.info().outputPath('admin-1.json') });
    const page = await again.newPage();
    await page.goto(`/sessions?tag=${tag}`);
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expect(page.getByTestId('history-row')).toContainText(requestId);
    await page.getByTestId('history-row').getByRole('link').click();
    await expect(page.getByTestId('timeline-step')).toHaveCount(2);
    await again.close();
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
