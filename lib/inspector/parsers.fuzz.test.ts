import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUID_PATTERN, parseAuthorizeForm } from './form-schema';
import { hasFilters, historyHref, parseHistoryParams, STATUSES, MODES } from './history-filter';
import { answerMfaInputSchema } from './mfa-schema';
import { followLinkInputSchema, inspectionIdSchema, sessionInputSchema } from './session-action-schema';

/**
 * Properties of the parsers at the edges (server actions, the history URL): any input gives a
 * result, never an exception, and what they accept satisfies the limits the rest of the code relies on.
 */

const RUNS = { numRuns: 3000 };
const anyInput = fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true, withBigInt: true });
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('', '  ', '\t\n', 'a\u0000b', '5e115eac-1209-4f19-641c-08d6d484e2fe', ' 5E115EAC-1209-4F19-641C-08D6D484E2FE '));

describe('authorize form', () => {
  const formLike = fc.record(
    {
      mode: fc.oneof(fc.constantFrom('cached', 'live'), text, anyInput),
      loginId: fc.oneof(text, anyInput, fc.uuid()),
      institution: fc.oneof(text, anyInput),
      username: fc.oneof(text, anyInput),
      password: fc.oneof(text, anyInput),
      language: fc.oneof(fc.constantFrom('en', 'fr'), text),
      save: fc.oneof(fc.boolean(), anyInput),
      tag: fc.oneof(text, anyInput),
    },
    { requiredKeys: [] },
  );

  it('never throws, and what it accepts is trimmed, bounded and complete', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, formLike), (payload) => {
        const r = parseAuthorizeForm(payload);
        if (!r.ok) {
          expect(typeof r.fieldErrors).toBe('object');
          return;
        }
        const input = r.input;
        // Whatever is stored must be storable: no U+0000 in any text column.
        for (const v of [input.tag, input.mode === 'live' ? input.institution : undefined, input.mode === 'live' ? input.username : undefined]) {
          if (v !== undefined) expect(v).not.toContain('\u0000');
        }
        if (input.loginId !== undefined) expect(input.loginId).toMatch(GUID_PATTERN);
        if (input.tag !== undefined) expect(input.tag.length).toBeLessThanOrEqual(200);
        if (input.mode === 'cached') expect(input.loginId).toMatch(GUID_PATTERN);
        else {
          expect(input.institution.trim()).toBe(input.institution);
          expect(input.institution.length).toBeGreaterThan(0);
          expect(Boolean(input.loginId) || (Boolean(input.username) && Boolean(input.password))).toBe(true);
        }
        // Parsing what it produced gives the same thing (the server action re-parses the browser's output).
        expect(parseAuthorizeForm(input)).toEqual(r);
      }),
      RUNS,
    );
  });
});

describe('MFA answers', () => {
  const responses = fc.dictionary(text, fc.oneof(fc.array(text, { maxLength: 4 }), anyInput), { maxKeys: 25 });
  it('never throws; accepted answers have 1 to 20 prompts, each with 1 to 50 strings', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.record({ inspectionId: fc.oneof(fc.uuid(), text, anyInput), responses: fc.oneof(responses, anyInput) })), (payload) => {
        const r = answerMfaInputSchema.safeParse(payload);
        if (!r.success) return;
        const entries = Object.entries(r.data.responses);
        expect(entries.length).toBeGreaterThanOrEqual(1);
        expect(entries.length).toBeLessThanOrEqual(20);
        for (const [prompt, answers] of entries) {
          expect(prompt.length).toBeGreaterThan(0);
          expect(answers.length).toBeGreaterThanOrEqual(1);
          expect(answers.every((a) => typeof a === 'string')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('session actions', () => {
  it('never throw; only a UUID gets through as an inspection id', () => {
    const id = fc.oneof(fc.uuid(), text, anyInput);
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.record({ inspectionId: id, link: fc.oneof(fc.constantFrom('summary', 'detail', 'statements'), text) })), (payload) => {
        for (const schema of [followLinkInputSchema, sessionInputSchema]) {
          const r = schema.safeParse(payload);
          if (r.success) expect(inspectionIdSchema.safeParse(r.data.inspectionId).success).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('history URL', () => {
  const day = fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const value = fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.constant(undefined), day, fc.constantFrom(...MODES, ...STATUSES));
  const params = fc.oneof(
    fc.record({ loginId: value, requestId: value, tag: value, institution: value, mode: value, status: value, from: value, to: value, cursor: value, back: value }, { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(text, fc.array(text, { maxLength: 2 }))),
  );

  it('never throws; a bad value is dropped with a problem, never passed to the store', () => {
    fc.assert(
      fc.property(params, (raw) => {
        const q = parseHistoryParams(raw as Record<string, string | string[] | undefined>);
        if (q.filter.mode) expect(MODES).toContain(q.filter.mode);
        if (q.filter.status) expect(STATUSES).toContain(q.filter.status);
        for (const d of [q.filter.from, q.filter.to]) if (d) expect(Number.isNaN(d.getTime())).toBe(false);
        expect(q.filter.loginId?.length ?? 0).toBeLessThanOrEqual(100);
        // Every value reaches a PostgreSQL text comparison: none may hold U+0000.
        for (const v of Object.values(q.values)) expect(v).not.toContain('\u0000');
      }),
      RUNS,
    );
  });

  it('survives the trip through its own link: filters parsed from an href are the filters it was built from', () => {
    fc.assert(
      fc.property(params, fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }), (raw, cursor) => {
        const q = parseHistoryParams(raw as Record<string, string | string[] | undefined>);
        const href = historyHref(q.values, cursor?.trim() ? cursor : null);
        const again = parseHistoryParams(new URLSearchParams(href.split('?')[1] ?? ''));
        const filtersOf = (v: typeof q.values) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'cursor' && k !== 'back'));
        expect(filtersOf(again.values)).toEqual(filtersOf(q.values));
        expect(again.problems).toEqual([]);
        expect(hasFilters(again.values)).toBe(hasFilters(q.values));
      }),
      RUNS,
    );
  });
});
