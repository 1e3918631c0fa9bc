import { describe, expect, it } from 'vitest';
import { PLACEHOLDER } from './flinks/redact';
import { bindLogContext, createLogger, runWithLogContext, withContext, type LoggerOptions } from './log';

const SECRET = 'sentinel-secret-log-5a1f';
const API = 'sentinel-apikey-log-77c2';
const secrets = [
  { value: SECRET, placeholder: PLACEHOLDER.secretKey },
  { value: API, placeholder: PLACEHOLDER.apiKey },
];

function capture(level: LoggerOptions['level'] = 'debug') {
  const lines: string[] = [];
  const log = createLogger({ level, secrets, destination: { write: (s: string) => void lines.push(s) } });
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON line per call with the level name', () => {
    const { log, records } = capture();
    log.info({ endpoint: 'Authorize' }, 'hello');
    expect(records()).toEqual([expect.objectContaining({ level: 'info', msg: 'hello', endpoint: 'Authorize' })]);
  });

  it('maps LOG_LEVEL onto pino levels', () => {
    for (const [level, expected] of [['silent', []], ['error', ['error']], ['info', ['error', 'info']], ['debug', ['error', 'info', 'debug']]] as const) {
      const { log, records } = capture(level);
      log.error('e');
      log.info('i');
      log.debug('d');
      expect(records().map((r) => r.level)).toEqual(expected);
    }
  });

  it('never prints a secret: not in objects, messages, errors nor child bindings', () => {
    const { log, lines } = capture();
    log.info({ headers: { 'flinks-auth-key': 'tok-123456', 'x-api-key': API }, body: { Password: 'Everyday' } }, `key ${SECRET}`);
    log.error(new Error(`boom with ${SECRET}`), 'failed');
    log.error({ err: new Error(`nested ${API}`) }, 'failed again');
    withContext({ note: `bound ${API}` }, log).info('child');
    const text = lines.join('');
    for (const s of [SECRET, API, 'Everyday', 'tok-123456']) expect(text).not.toContain(s);
    expect(text).toContain(PLACEHOLDER.secretKey);
    expect(text).toContain('boom with');
  });

  it('keeps an error readable (message and stack) after redaction', () => {
    const { log, records } = capture();
    log.error(new Error('plain failure'), 'failed');
    expect(records()[0]).toMatchObject({ err: { type: 'Error', message: 'plain failure', stack: expect.stringContaining('plain failure') } });
  });

  it('adds the inspection id and RequestId of the current flow to every line', async () => {
    const { log, records } = capture();
    await runWithLogContext({ inspectionId: 'insp-1' }, async () => {
      await Promise.resolve();
      bindLogContext({ requestId: 'req-9' });
      await Promise.resolve();
      log.info('inside');
    });
    log.info('outside');
    const [inside, outside] = records();
    expect(inside).toMatchObject({ inspectionId: 'insp-1', requestId: 'req-9' });
    expect(outside).not.toHaveProperty('inspectionId');
  });

  it('binds for the rest of the binding function and what it awaits, not for its caller', async () => {
    const { log, records } = capture();
    const useCase = async (id: string) => {
      await Promise.resolve();
      bindLogContext({ inspectionId: id });
      await new Promise((ok) => setTimeout(ok, 1));
      const deeper = async () => log.info('deep');
      await deeper();
    };
    await runWithLogContext({ route: 'action' }, async () => {
      await Promise.all([useCase('a'), useCase('b')]);
      log.info('caller');
    });
    const byMsg = records().map((r) => [r.msg, r.inspectionId, r.route]);
    expect(byMsg).toEqual([['deep', 'a', 'action'], ['deep', 'b', 'action'], ['caller', undefined, 'action']]);
  });
});
