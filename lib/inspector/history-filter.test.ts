import { describe, expect, it } from 'vitest';
import { hasFilters, historyHref, historyPaging, historyShortcuts, parseHistoryParams } from './history-filter';

describe('parseHistoryParams', () => {
  it('reads every filter from URL search params', () => {
    const q = parseHistoryParams(
      new URLSearchParams('loginId=5e115eac-1209-4f19-641c-08d6d484e2fe&requestId=r-1&tag=%20ticket-42%20&institution=FlinksCapital&openedBy=Alice%40Example.test&mode=live&status=authorized&from=2026-01-01&to=2026-01-31&cursor=abc'),
    );
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual({
      loginIdPrefix: '5e115eac-1209-4f19-641c-08d6d484e2fe',
      requestId: 'r-1',
      tagPrefix: 'ticket-42',
      institution: 'FlinksCapital',
      openedBy: 'Alice@Example.test',
      mode: 'live',
      status: 'authorized',
      from: new Date('2026-01-01T00:00:00.000Z'),
      to: new Date('2026-01-31T23:59:59.999Z'),
    });
    expect(q.cursor).toBe('abc');
  });

  it('treats empty fields (an unfilled GET form) as no filter', () => {
    const q = parseHistoryParams({ loginId: '', requestId: '  ', tag: '', mode: '', status: '', from: '', to: '' });
    expect(q.filter).toEqual({});
    expect(q.problems).toEqual([]);
    expect(hasFilters(q.values)).toBe(false);
  });

  it('drops bad values with a reason instead of failing the page', () => {
    const q = parseHistoryParams({ mode: 'sideways', status: 'lost', from: '21/01/2026', to: '2026-02-31x', tag: 'ok' });
    expect(q.filter).toEqual({ tagPrefix: 'ok' });
    expect(q.problems).toHaveLength(4);
    expect(q.problems.join(' ')).toMatch(/mode/);
  });

  it('reads datetime-local ranges as UTC, To inclusive of its minute', () => {
    const q = parseHistoryParams({ from: '2026-01-21T09:30', to: '2026-01-21T10:15' });
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual({ from: new Date('2026-01-21T09:30:00.000Z'), to: new Date('2026-01-21T10:15:59.999Z') });
    expect(parseHistoryParams({ to: '2026-01-21T10:15:30' }).filter.to).toEqual(new Date('2026-01-21T10:15:30.999Z'));
    expect(parseHistoryParams({ from: '2026-02-31T09:30' }).problems).toHaveLength(1);
    expect(parseHistoryParams({ from: '2026-01-21T25:00' }).problems).toHaveLength(1);
    expect(parseHistoryParams({ from: '2026-01-21 09:30' }).problems).toHaveLength(1);
  });

  it('reads the header Search as an any-field prefix', () => {
    expect(parseHistoryParams({ q: ' 5e115eac ' }).filter).toEqual({ anyPrefix: '5e115eac' });
    // % and _ stay literal: escaping is the store's job (lib/store/like-prefix.ts), not the parser's.
    expect(parseHistoryParams({ tag: '50%_off' }).filter).toEqual({ tagPrefix: '50%_off' });
  });

  it('takes the first of repeated params (Next gives arrays)', () => {
    expect(parseHistoryParams({ tag: ['a', 'b'] }).filter).toEqual({ tagPrefix: 'a' });
  });
});

describe('historyHref', () => {
  it('round-trips a filtered view through a link', () => {
    const { values } = parseHistoryParams({ loginId: 'L', tag: 'T x', mode: 'cached', cursor: 'old' });
    const href = historyHref(values, 'next');
    expect(href).toBe('/sessions?loginId=L&tag=T+x&mode=cached&cursor=next');
    const again = parseHistoryParams(new URL(href, 'http://h').searchParams);
    expect(again.filter).toEqual({ loginIdPrefix: 'L', tagPrefix: 'T x', mode: 'cached' });
    expect(historyHref({}, null)).toBe('/sessions');
  });
});

describe('historyPaging', () => {
  const at = (href: string) => parseHistoryParams(new URL(href, 'http://h').searchParams);

  it('walks Older three pages and Newer all the way back, keeping the filters', () => {
    const p1 = at('/sessions?tag=t');
    const l1 = historyPaging(p1, 'c1');
    expect(l1.newer).toBeNull();
    const p2 = at(l1.older!);
    expect(p2.cursor).toBe('c1');
    const p3 = at(historyPaging(p2, 'c2').older!);
    expect(p3).toMatchObject({ cursor: 'c2', back: ['c1'] });
    const l3 = historyPaging(p3, null);
    expect(l3.older).toBeNull();
    const back2 = at(l3.newer!);
    expect(back2).toMatchObject({ cursor: 'c1', back: [], filter: { tagPrefix: 't' } });
    expect(historyPaging(back2, 'c2').newer).toBe('/sessions?tag=t');
    expect(l3.newest).toBe('/sessions?tag=t');
  });
});

describe('historyShortcuts', () => {
  it('sets From to today\'s UTC midnight or 7 days back, keeping the other filters', () => {
    const now = new Date('2026-03-10T15:42:10Z');
    const s = historyShortcuts({ tag: 't', from: '2020-01-01', to: '2020-01-02', cursor: 'c' }, now);
    expect(s.today).toBe('/sessions?tag=t&from=2026-03-10T00%3A00');
    expect(s.lastWeek).toBe('/sessions?tag=t&from=2026-03-03T15%3A42');
  });
});
