import { describe, expect, it } from 'vitest';
import { toTransportErrorView } from './views';

const transport = (reason: string) => toTransportErrorView({ reason, message: 'it failed', status: null, bodySnippet: null });

describe('toTransportErrorView', () => {
  it('titles a known reason and leads its message', () => {
    expect(transport('timeout')).toMatchObject({ title: 'Timed out waiting for Flinks', message: 'The dashboard stopped waiting: it failed' });
  });

  it.each(['constructor', '__proto__', 'toString'])('treats the reason %s as unknown', (reason) => {
    expect(transport(reason)).toMatchObject({ title: 'The call to Flinks failed', message: 'it failed' });
  });
});
