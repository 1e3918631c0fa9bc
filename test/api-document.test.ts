import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';

/**
 * The CLI's typed client is generated from docs/openapi.json (`npm run api:types`). When the API's
 * schemas change and the committed document does not, this fails: regenerate and commit both.
 */
describe('the committed OpenAPI document', () => {
  it('is what the API serves', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'docs', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument('/api/v1'))));
  });

  it('the generated client types name every operation', () => {
    const types = readFileSync(path.resolve(__dirname, '..', 'cli', 'api-types.ts'), 'utf8');
    for (const op of ['listInspections', 'openInspection', 'getInspection', 'answerMfa', 'reopenInspection', 'followLink', 'getBundle']) expect(types).toContain(`${op}: {`);
  });
});
