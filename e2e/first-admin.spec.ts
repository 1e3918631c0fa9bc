import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * A fresh installation with no INSPECTOR_ADMIN_*: the server prints a one-time setup link on its
 * console (the Jenkins pattern). This spec starts its own server on a free port to read that console.
 */

let server: ChildProcess | undefined;
let baseURL = '';
let setupUrl = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'inspector-first-admin-')), NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'error' };
  delete env.INSPECTOR_ADMIN_EMAIL;
  delete env.INSPECTOR_ADMIN_PASSWORD;
  // Node on Next's bin directly, in its own process group: ending the group ends the server too
  // (through npx, SIGTERM reached only npx and left next-server running).
  server = spawn(process.execPath, [path.join(process.cwd(), 'node_modules/next/dist/bin/next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  setupUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no setup link printed:\n${out}`)), 90_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server!.once('exit', (code) => reject(new Error(`server exited (${code}) before printing a link:\n${out}`)));
  });
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  process.kill(-server.pid, 'SIGTERM');
  await exited;
});

test('the printed setup link creates the first admin once, and then stops working', async ({ page }) => {
  expect(new URL(setupUrl).port).toBe(new URL(baseURL).port);
  await page.goto(setupUrl);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await page.getByLabel('Email').fill('founder@example.test');
  await page.getByLabel('Name').fill('Founder');
  await page.getByLabel('Password').fill('a-long-first-password');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByRole('status')).toContainText('The administrator account exists');

  await page.goto(setupUrl);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This setup link is not valid');

  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email').fill('founder@example.test');
  await page.getByLabel('Password').fill('a-long-first-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Open a Flinks session' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('founder@example.test')).toBeVisible();
});
