import { describe, expect, it } from 'vitest';
import { hasFilters, historyHref, historyPaging, parseHistoryParams } from './history-filter';

describe('parseHistoryParams', () => {
  it('reads every filter from URL search params', () => {
    const q = parseHistoryParams(
      new URLSearchParams('loginId=5e115eac-1209-4f19-641c-08d6d484e2fe&requestId=r-1&tag=%20ticket-42%20&institution=FlinksCapital&openedBy=Alice%40Example.test&mode=live&status=authorized&from=2026-01-01&to=2026-01-31&cursor=abc'),
    );
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual({
      loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe',
      requestId: 'r-1',
      tag: 'ticket-42',
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
    expect(q.filter).toEqual({ tag: 'ok' });
    expect(q.problems).toHaveLength(4);
    expect(q.problems.join(' ')).toMatch(/mode/);
  });

  it('takes the first of repeated params (Next gives arrays)', () => {
    expect(parseHistoryParams({ tag: ['a', 'b'] }).filter).toEqual({ tag: 'a' });
  });
});

describe('historyHref', () => {
  it('round-trips a filtered view through a link', () => {
    const { values } = parseHistoryParams({ loginId: 'L', tag: 'T x', mode: 'cached', cursor: 'old' });
    const href = historyHref(values, 'next');
    expect(href).toBe('/sessions?loginId=L&tag=T+x&mode=cached&cursor=next');
    const again = parseHistoryParams(new URL(href, 'http://h').searchParams);
    expect(again.filter).toEqual({ loginId: 'L', tag: 'T x', mode: 'cached' });
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
    expect(back2).toMatchObject({ cursor: 'c1', back: [], filter: { tag: 't' } });
    expect(historyPaging(back2, 'c2').newer).toBe('/sessions?tag=t');
    expect(l3.newest).toBe('/sessions?tag=t');
  });
});
