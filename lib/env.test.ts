import { describe, expect, it } from 'vitest';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded simulator with the toolbox public credentials', () => {
    const r = parseEnv({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.env.flinks).toMatchObject({
      baseUrl: 'http://127.0.0.1:3000/simulator',
      environment: 'simulator',
      usesEmbeddedSimulator: true,
      customerId: TOOLBOX.customerId,
      secretKey: TOOLBOX.secretKey,
      apiKey: TOOLBOX.apiKey,
    });
  });

  it('follows PORT for the embedded simulator URL', () => {
    const r = parseEnv({ PORT: '3100' });
    expect(r.ok && r.env.flinks.baseUrl).toBe('http://127.0.0.1:3100/simulator');
  });

  it('recognises the real toolbox and a production instance', () => {
    const toolbox = parseEnv({ FLINKS_BASE_URL: 'https://toolbox-api.private.fin.ag/' });
    expect(toolbox.ok && [toolbox.env.flinks.environment, toolbox.env.flinks.baseUrl, toolbox.env.flinks.usesEmbeddedSimulator]).toEqual([
      'toolbox',
      'https://toolbox-api.private.fin.ag',
      false,
    ]);
    const prod = parseEnv({ FLINKS_BASE_URL: 'https://acme-ca-api.private.fin.ag' });
    expect(prod.ok && prod.env.flinks.environment).toBe('production');
  });

  it('reads SIMULATOR_LATENCY_MS (0 by default) and refuses a negative one', () => {
    const d = parseEnv({});
    expect(d.ok && d.env.simulator.latencyMs).toBe(0);
    const r = parseEnv({ SIMULATOR_LATENCY_MS: '100' });
    expect(r.ok && r.env.simulator.latencyMs).toBe(100);
    const bad = parseEnv({ SIMULATOR_LATENCY_MS: '-1' });
    expect(bad.ok ? [] : bad.problems.join()).toContain('SIMULATOR_LATENCY_MS');
  });

  it('treats empty strings as unset', () => {
    const r = parseEnv({ FLINKS_BASE_URL: '', FLINKS_SECRET_KEY: '  ' });
    expect(r.ok && r.env.flinks.usesEmbeddedSimulator).toBe(true);
  });

  it('names each bad variable and what is wrong', () => {
    const r = parseEnv({ FLINKS_BASE_URL: 'not a url', FLINKS_TIMEOUT_MS: 'soon', PORT: '70000' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join('\n');
    expect(text).toMatch(/FLINKS_BASE_URL/);
    expect(text).toMatch(/FLINKS_TIMEOUT_MS/);
    expect(text).toMatch(/PORT/);
  });
});

describe('parseEnv messages', () => {
  it('say what a good value looks like', () => {
    const r = parseEnv({ FLINKS_BASE_URL: 'ftp://x', FLINKS_TIMEOUT_MS: 'soon', POLL_INTERVAL_MS: '1.5', DATABASE_URL: 'mysql://db' });
    expect(r.ok ? [] : r.problems).toEqual(
      expect.arrayContaining([
        'FLINKS_BASE_URL: must be an http(s) URL, e.g. https://toolbox-api.private.fin.ag',
        'FLINKS_TIMEOUT_MS: must be a number',
        'POLL_INTERVAL_MS: must be a whole number',
        'DATABASE_URL: must be a postgres:// URL',
      ]),
    );
  });

  it('has limits on upstream answers and logs to stdout by default', () => {
    const r = parseEnv({});
    expect(r.ok && [r.env.flinks.maxResponseBytes, r.env.flinks.maxJsonDepth, r.env.log]).toEqual([20 * 1024 * 1024, 64, { level: 'info', file: undefined }]);
  });

  it('reads the limits and LOG_FILE, and refuses absurd limits', () => {
    const r = parseEnv({ FLINKS_MAX_RESPONSE_BYTES: '1048576', FLINKS_MAX_JSON_DEPTH: '32', LOG_FILE: ' /tmp/inspector.log ', LOG_LEVEL: 'debug' });
    expect(r.ok && [r.env.flinks.maxResponseBytes, r.env.flinks.maxJsonDepth, r.env.log]).toEqual([1048576, 32, { level: 'debug', file: '/tmp/inspector.log' }]);
    const bad = parseEnv({ FLINKS_MAX_RESPONSE_BYTES: '10', FLINKS_MAX_JSON_DEPTH: '1' });
    expect(!bad.ok && bad.problems.join('\n')).toMatch(/FLINKS_MAX_RESPONSE_BYTES[\s\S]*FLINKS_MAX_JSON_DEPTH/);
  });
});

describe('INSPECTOR_DATA_KEY', () => {
  const hex = 'ab'.repeat(32);
  const b64 = Buffer.alloc(32, 7).toString('base64');

  it('is optional: unset means a key generated into DATA_DIR', () => {
    const r = parseEnv({ DATA_DIR: '/tmp/x' });
    expect(r.ok && r.env.dataKey).toEqual({ configured: null, previous: [], dataDir: '/tmp/x' });
  });

  it('accepts 32 bytes as hex or base64, and previous keys separated by commas', () => {
    const r = parseEnv({ INSPECTOR_DATA_KEY: hex, INSPECTOR_DATA_KEY_PREVIOUS: `${b64}, ${hex}` });
    expect(r.ok && r.env.dataKey.configured).toEqual(Buffer.from(hex, 'hex'));
    expect(r.ok && r.env.dataKey.previous).toEqual([Buffer.alloc(32, 7), Buffer.from(hex, 'hex')]);
  });

  it('names a key of the wrong size', () => {
    const r = parseEnv({ INSPECTOR_DATA_KEY: 'short', INSPECTOR_DATA_KEY_PREVIOUS: 'also-short' });
    expect(r.ok ? [] : r.problems.join('\n')).toMatch(/INSPECTOR_DATA_KEY: must be 32 bytes/);
    expect(r.ok ? [] : r.problems.join('\n')).toMatch(/INSPECTOR_DATA_KEY_PREVIOUS\.0: must be 32 bytes/);
  });
});
