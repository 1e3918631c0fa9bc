import { describe, expect, it } from 'vitest';
import { auditExportHref, auditHref, auditPaging, hasAuditFilters, parseAuditParams } from './audit-filter';

describe('parseAuditParams', () => {
  it('reads every filter from the URL', () => {
    const q = parseAuditParams(new URLSearchParams('actor=%20Alice%40&action=pii.reveal&target=login-1&from=2026-01-21T09:30&to=2026-01-21T10:00:15&cursor=abc'));
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual({
      actor: 'Alice@',
      action: 'pii.reveal',
      target: 'login-1',
      from: new Date('2026-01-21T09:30:00.000Z'),
      // "To" includes the whole unit typed: here the whole second.
      to: new Date('2026-01-21T10:00:15.999Z'),
    });
    expect(q.cursor).toBe('abc');
  });

  it('reads bare days as whole UTC days and shows them as datetime-local values', () => {
    const q = parseAuditParams({ from: '2026-01-01', to: '2026-01-31' });
    expect(q.filter).toEqual({ from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-01-31T23:59:59.999Z') });
    expect(q.values).toEqual({ from: '2026-01-01T00:00', to: '2026-01-31T23:59' });
    // The canonical value means the same thing when the form sends it back.
    expect(parseAuditParams(q.values).filter).toEqual(q.filter);
  });

  it('includes the whole minute of a minute-precision "to"', () => {
    expect(parseAuditParams({ to: '2026-01-21T09:30' }).filter.to).toEqual(new Date('2026-01-21T09:30:59.999Z'));
  });

  it('treats an unfilled GET form as no filter', () => {
    const q = parseAuditParams({ actor: '', action: '', target: '  ', from: '', to: '' });
    expect(q.filter).toEqual({});
    expect(q.problems).toEqual([]);
    expect(hasAuditFilters(q.values)).toBe(false);
  });

  it('drops bad values with a reason instead of failing the page', () => {
    const q = parseAuditParams({ action: 'drop.table', from: '2026-02-30', to: 'yesterday', target: 'x'.repeat(201), actor: 'bob' });
    expect(q.filter).toEqual({ actor: 'bob' });
    expect(q.problems).toHaveLength(4);
    expect(q.problems.join(' ')).toMatch(/Action: Not an action/);
    expect(q.problems.join(' ')).toMatch(/From: /);
  });

  it('says so when From is after To', () => {
    expect(parseAuditParams({ from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ problems: [], emptyRange: true });
    expect(parseAuditParams({ from: '2026-01-01', to: '2026-01-01' }).emptyRange).toBe(false);
  });

  it('does not report a mangled cursor as a filter problem', () => {
    expect(parseAuditParams({ cursor: 'x'.repeat(600) })).toMatchObject({ problems: [], cursor: null });
  });
});

describe('audit links', () => {
  const values = { actor: 'alice', action: 'pii.reveal', cursor: 'c2', back: 'c1' };

  it('keeps the filters and drops the paging in export links', () => {
    expect(auditExportHref(values, 'csv')).toBe('/audit/export?actor=alice&action=pii.reveal&format=csv');
    expect(auditExportHref({}, 'jsonl')).toBe('/audit/export?format=jsonl');
  });

  it('pages older, newer and newest with the filters kept', () => {
    const first = auditPaging({ values: { actor: 'alice' }, cursor: null, back: [] }, 'c1');
    expect(first).toEqual({ older: '/audit?actor=alice&cursor=c1', newer: null, newest: null });
    const third = auditPaging({ values: { actor: 'alice' }, cursor: 'c2', back: ['c1'] }, 'c3');
    expect(third).toEqual({
      older: '/audit?actor=alice&cursor=c3&back=c1%2Cc2',
      newer: '/audit?actor=alice&cursor=c1',
      newest: '/audit?actor=alice',
    });
    const second = auditPaging({ values: {}, cursor: 'c1', back: [] }, null);
    expect(second).toEqual({ older: null, newer: '/audit', newest: '/audit' });
    expect(auditHref({}, null)).toBe('/audit');
  });
});
