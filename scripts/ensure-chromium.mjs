// Makes sure Playwright has a Chromium to drive before `playwright test` (docs/toolchain.md):
// the machines here cannot download Playwright's browser, so Debian's chromium is used through
// executablePath; a laptop with Playwright's own browser needs nothing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) process.exit(0);

let bundled = '';
try {
  bundled = chromium.executablePath();
} catch {
  bundled = '';
}
if (bundled && existsSync(bundled)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'No Chromium found for Playwright.\n' +
      '  Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), or `npx playwright install chromium`,\n' +
      '  or set CHROMIUM_PATH to an existing Chromium binary.',
  );
  process.exit(1);
}

console.log('No Chromium found: installing Debian chromium (about 35 s)…');
try {
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error('Installing chromium with apt-get failed; install it by hand or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is missing; set CHROMIUM_PATH.');
  process.exit(1);
}
