import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { textPdf } from '../pdf';
import { squarePng } from '../png';
import { loginIdFor, SAMPLE_LOGIN_ID } from '../state';
import { URL_NAMESPACE, uuidV5 } from '../uuid-v5';

describe('uuidV5', () => {
  it('matches the RFC 4122 / Python uuid5 reference value', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('LoginIds: institution + lower-cased username + language (D10)', () => {
    expect(loginIdFor('Greatday', 'en')).toBe(SAMPLE_LOGIN_ID);
    expect(loginIdFor('GREATDAY_NOMFA', 'en')).toBe(loginIdFor('greatday_nomfa', 'en'));
    expect(loginIdFor('greatday_nomfa', 'fr')).not.toBe(loginIdFor('greatday_nomfa', 'en'));
    expect(loginIdFor('sim_choice', 'en')).toBe(uuidV5('flinks://toolbox/FlinksCapital/sim_choice/en', URL_NAMESPACE));
  });
});

describe('textPdf', () => {
  it('has a correct xref: every offset points at its "n 0 obj"', () => {
    const pdf = textPdf(['Relevé (test) \\ ok', 'Line 2']).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = pdf.slice(xrefAt).split('\n').slice(3, 8);
    entries.forEach((line, i) => {
      const offset = Number(line.slice(0, 10));
      expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    });
    expect(pdf).toContain('(Relev\xe9 \\(test\\) \\\\ ok) Tj');
    const length = Number(/\/Length (\d+)/.exec(pdf)?.[1]);
    const start = pdf.indexOf('stream\n') + 7;
    expect(pdf.slice(start + length, start + length + 10)).toBe('\nendstream');
  });
});

describe('squarePng', () => {
  it('is a decodable 16x16 RGB PNG', () => {
    const png = squarePng([1, 2, 3]);
    expect(png.readUInt32BE(16)).toBe(16);
    expect(png.readUInt32BE(20)).toBe(16);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(16 * (1 + 16 * 3));
  });
});
