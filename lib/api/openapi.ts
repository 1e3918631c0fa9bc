import { z } from 'zod';
import { API_OPERATIONS, type ApiOperation } from './operations';
import { apiRegistry } from './schemas';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (zod's own JSON Schema output,
 * draft 2020-12, which OpenAPI 3.1 uses as is). Components come from lib/api/schemas.ts's registry;
 * response objects are closed (additionalProperties false), so a handler that answers a field the
 * document does not know fails the contract tests.
 */

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const PROBLEM_WORDS: Record<number, string> = {
  400: 'The request is invalid (errors names the fields).',
  401: 'No valid API token (missing, malformed, unknown, revoked or expired), or its owner is deactivated.',
  403: "The token's owner lacks the permission (their current role).",
  404: 'No such inspection.',
  409: 'Not possible in the inspection’s state (not authorized, MFA round gone).',
  413: 'The body is larger than 1 MB.',
  410: 'The RequestId expired (SESSION_EXPIRED / SESSION_NONEXISTENT): reopen the inspection.',
  429: 'Too many requests for this token this minute; see Retry-After.',
  502: 'Flinks answered an error (flinksCode, explanation, whoActs, retry).',
  504: 'Flinks could not be reached or timed out.',
};

/** JSON Schema's document-level keys have no place inside an OpenAPI document. */
const without = (o: Json, ...keys: string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

function components(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiRegistry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}`, io: 'output' }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, without(schema, '$schema', '$id')]));
}

/** A schema used inline (parameters): converted alone, through the same registry for named parts. */
function inline(schema: z.ZodType): Json {
  return without(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json, '$schema');
}

function schemaRef(schema: z.ZodType): Json {
  const meta = apiRegistry.get(schema);
  return meta ? ref(meta.id) : inline(schema);
}

function parameters(op: ApiOperation): Json[] {
  const out: Json[] = [];
  for (const [name, schema] of Object.entries(op.params ?? {})) out.push({ name, in: 'path', required: true, schema: inline(schema), ...(schema.description ? { description: schema.description } : {}) });
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
    const s = schema as z.ZodType;
    out.push({ name, in: 'query', required: !s.safeParse(undefined).success, schema: inline(s), ...(s.description ? { description: s.description } : {}) });
  }
  return out;
}

function responses(op: ApiOperation): Json {
  const out: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const type = r.contentType ?? 'application/json';
    out[status] = { description: r.description, content: { [type]: { schema: r.schema ? schemaRef(r.schema) : type === 'text/html' ? { type: 'string' } : { type: 'object' } } } };
  }
  const common = op.body ? [401, 403, 413, 429] : [401, 403, 429];
  for (const status of [...new Set([...op.problems, ...common])].sort()) {
    out[String(status)] = {
      description: PROBLEM_WORDS[status] ?? 'A problem.',
      ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } } } : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return out;
}

export function buildOpenApiDocument(serverUrl = '/api/v1'): Json {
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as Json)[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      'x-permission': op.permission,
      parameters: parameters(op),
      // A body whose every field has a default may be left out (followLink's options: the handler reads none as {}).
      ...(op.body ? { requestBody: { required: !op.body.safeParse({}).success, content: { 'application/json': { schema: schemaRef(op.body) } } } } : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flinks Session Inspector API',
      version: '1.0.0',
      description: 'The dashboard’s use cases over HTTP for QA automation. Authenticate with a personal API token (`Authorization: Bearer fsi_…`, created on /account); it acts with its owner’s current role. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: [{ name: 'Inspections' }, { name: 'Links' }, { name: 'Reference' }],
    paths,
    components: { schemas: components(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'fsi_…' } } },
  };
}
