import { execFileSync } from 'node:child_process';

/**
 * Ports and sentinel secrets shared by playwright.config.ts and the specs.
 * The ports are a block of free loopback ports found once by the runner (E2E_PORT_BASE pins it);
 * workers re-evaluate this module, so the choice travels to them through the environment.
 */
const PORT_NAMES = ['main', 'timeout', 'security', 'recordingSimulator', 'sessions', 'sessionClock', 'roles', 'oidc', 'sso', 'restart', 'instanceA', 'instanceB', 'instanceSimulator'] as const;

function findFreeBlock(size: number): number {
  // A synchronous probe (config files are evaluated synchronously): a child node listens on each port of a
  // random block and reports the first block whose ports are all free. The block lies below the kernel's
  // ephemeral range: a port in it can be free when probed and then taken as the local port of some
  // outgoing connection before our server binds it (a CI run failed so, with EADDRINUSE on 35322).
  const script = `
    const net = require('node:net');
    const fs = require('node:fs');
    const size = ${size};
    let ephemeralLow = 32768;
    try { ephemeralLow = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\\s+/)[0]) || ephemeralLow; } catch {}
    const low = 10000, high = Math.max(low + 1000, Math.min(ephemeralLow, 32768)) - size;
    const tryPort = (p) => new Promise((ok) => { const s = net.createServer(); s.once('error', () => ok(false)); s.listen(p, '127.0.0.1', () => s.close(() => ok(true))); });
    (async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const base = low + Math.floor(Math.random() * ((high - low) / 10)) * 10;
        let free = true;
        for (let i = 0; i < size && free; i++) free = await tryPort(base + i);
        if (free) { process.stdout.write(String(base)); return; }
      }
      process.exit(1);
    })();`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

if (!process.env.E2E_PORT_BASE) process.env.E2E_PORT_BASE = String(findFreeBlock(PORT_NAMES.length));
const base = Number(process.env.E2E_PORT_BASE);

export const PORTS = Object.fromEntries(PORT_NAMES.map((name, i) => [name, base + i])) as Record<(typeof PORT_NAMES)[number], number>;

/** Unique per run, so the security spec can prove these values never reach the browser. */
export const SENTINEL = {
  secretKey: process.env.E2E_SENTINEL_SECRET ?? `sentinel-secret-${Date.now().toString(36)}-c0ffee`,
  apiKey: process.env.E2E_SENTINEL_API_KEY ?? `sentinel-apikey-${Date.now().toString(36)}-beef`,
};
// Workers inherit the runner's environment: pin the values so they see the same ones.
process.env.E2E_SENTINEL_SECRET = SENTINEL.secretKey;
process.env.E2E_SENTINEL_API_KEY = SENTINEL.apiKey;
