import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../lib/api/openapi';

/**
 * Writes the API's OpenAPI document (generated from lib/api's zod schemas, exactly what
 * /api/v1/openapi.json serves) to docs/openapi.json, the input of the CLI's typed client
 * (`npm run api:types`). test/api-types.test.ts fails when the committed files are stale.
 */
writeFileSync('docs/openapi.json', `${JSON.stringify(buildOpenApiDocument('/api/v1'), null, 2)}\n`);
