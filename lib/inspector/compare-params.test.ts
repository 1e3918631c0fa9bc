import { describe, expect, it } from 'vitest';
import { parseCompareParams } from './compare-params';

describe('parseCompareParams', () => {
  it('takes a and b, or two ticked rows', () => {
    expect(parseCompareParams({ a: 'x', b: ' y ' })).toEqual({ ok: true, a: 'x', b: 'y' });
    expect(parseCompareParams({ s: ['x', 'y'] })).toEqual({ ok: true, a: 'x', b: 'y' });
  });
  it('explains anything but two different sessions', () => {
    expect(parseCompareParams({ s: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/exactly two.*\(1 given\)/) });
    expect(parseCompareParams({ s: ['x', 'y', 'z'] })).toMatchObject({ ok: false, message: expect.stringMatching(/\(3 given\)/) });
    expect(parseCompareParams({})).toMatchObject({ ok: false });
    expect(parseCompareParams({ a: 'x', b: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/same session/) });
  });
});
