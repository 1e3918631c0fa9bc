import { describe, expect, it } from 'vitest';
import { displayStatus } from './session-expiry';
import { personaOf, problemLabel } from './problem-label';

describe('problemLabel', () => {
  it('names the FlinksCode first', () => {
    expect(problemLabel({ outcome: 'flinks_error', flinksCode: 'INVALID_LOGIN', error: null, httpStatus: 401 })).toBe('INVALID_LOGIN');
  });
  it('names transport failures from their recorded sentence', () => {
    const t = (error: string, httpStatus: number | null = null) => problemLabel({ outcome: 'transport_error', flinksCode: null, error, httpStatus });
    expect(t('Flinks did not answer within 60 s.')).toBe('Timeout');
    expect(t('Flinks answered HTTP 200 with a body that is not JSON.', 200)).toBe('Not JSON (HTTP 200)');
    expect(t('Could not reach Flinks at http://x: ECONNREFUSED')).toBe('Network');
    expect(t('Flinks answered HTTP 502 without a FlinksCode.', 502)).toBe('No FlinksCode');
    expect(t('something new')).toBe('Transport failure');
  });
  it('falls back to the inspection\'s code, else nothing', () => {
    expect(problemLabel(null, 'SESSION_NONEXISTENT')).toBe('SESSION_NONEXISTENT');
    expect(problemLabel(undefined)).toBeNull();
  });
});

describe('personaOf', () => {
  it('shows known personas only', () => {
    expect(personaOf('Greatday')).toBe('Greatday');
    expect(personaOf('jane.doe')).toBeNull();
    expect(personaOf(null)).toBeNull();
  });
});

describe('displayStatus', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('shows an authorized session idle for 8 minutes as expired', () => {
    expect(displayStatus({ status: 'authorized', requestId: 'r', lastActivityAt: new Date('2026-01-01T11:51:00Z') }, now)).toBe('expired');
    expect(displayStatus({ status: 'authorized', requestId: 'r', lastActivityAt: new Date('2026-01-01T11:55:00Z') }, now)).toBe('authorized');
    expect(displayStatus({ status: 'failed', requestId: 'r', lastActivityAt: new Date('2026-01-01T10:00:00Z') }, now)).toBe('failed');
  });
});
