import 'server-only';
import { z } from 'zod';
import { permits, type Viewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { PERSONA_PASSWORD } from '@/lib/flinks/personas';
import { parseAuthorizeForm } from '@/lib/inspector/form-schema';
import { parseCompareParams } from '@/lib/inspector/compare-params';
import { loadComparison } from '@/lib/inspector/load-comparison';
import { withFollowDefaults } from '@/lib/inspector/follow-options';
import { HISTORY_PAGE_SIZE, parseHistoryParams } from '@/lib/inspector/history-filter';
import { personasFor } from '@/lib/inspector/personas';
import { loadSessionView } from '@/lib/inspector/session-queries';
import { answerInspectionMfa, openInspection } from '@/lib/operations/inspections';
import { downloadSupportBundle, followInspectionLink, pollInspectionDetail, reopenInspection } from '@/lib/operations/sessions';
import { getStore } from '@/lib/store';
import { renderDocsPage } from './docs-page';
import { buildOpenApiDocument } from './openapi';
import { API_OPERATIONS, type ApiOperation } from './operations';
import { apiRefusal, problem, problemOfError, problemResponse, type Problem } from './problem';
import { answersSchema, compareQuerySchema, followOptionsBodySchema, followQuerySchema, historyQuerySchema, type LinkName, openInspectionSchema, type OpenInspectionBody } from './schemas';
import { toInspectionSummary, toLinkResult, toOutcome } from './views';

/**
 * /api/v1 behind the guard: find the operation, check its permission (recorded when refused),
 * parse path, query and body with the operation's zod schemas, call the shared operation
 * (lib/operations, the same as the UI's), answer JSON or problem+json.
 */

export const API_BASE = '/api/v1';
/** An MFA round with an image answer is the largest body (a data: URI); 1 MB leaves room. */
const MAX_BODY_BYTES = 1_048_576;

type Input = { viewer: Viewer; request: Request; params: Record<string, string>; query: Record<string, unknown>; body: unknown };
type Handler = (input: Input) => Promise<Response>;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
const answer = (p: Problem) => problemResponse(p);
const invalid = (detail: string, error?: z.ZodError) =>
  answer(problem('invalid', 400, 'Invalid request', detail, error ? { errors: Object.fromEntries(error.issues.map((i) => [i.path.join('.') || '(body)', i.message])) } : {}));
const notFound = () => answer(problem('not-found', 404, 'Not found', 'No such inspection.'));

/** The API body → the authorize form's payload, so the same zod rules (and messages) apply. */
function formPayload(body: OpenInspectionBody, viewer: Viewer): { ok: true; payload: Record<string, unknown> } | { ok: false; response: Response } {
  if (body.mode === 'cached') return { ok: true, payload: body };
  const { persona, ...rest } = body;
  let filled: Record<string, unknown> = { language: 'en', save: false, ...rest };
  if (persona) {
    const offered = personasFor(viewer.environment).find((p) => p.username === persona);
    if (!offered) return { ok: false, response: invalid(`The persona ${persona} is not offered against ${viewer.environment}.`) };
    filled = { ...filled, institution: rest.institution ?? 'FlinksCapital', username: offered.username, password: PERSONA_PASSWORD };
  }
  return { ok: true, payload: filled };
}

const LINK_KIND = { 'accounts-summary': 'summary', 'accounts-detail': 'detail', statements: 'statements' } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HANDLERS: Record<string, Handler> = {
  async listInspections({ query }) {
    const parsed = historyQuerySchema.safeParse(query);
    if (!parsed.success) return invalid('Fix the query parameters.', parsed.error);
    const { limit, ...filters } = parsed.data;
    const history = parseHistoryParams(filters as Record<string, string | undefined>);
    const page = await (await getStore()).listInspections(history.filter, { cursor: history.cursor, limit: limit ?? HISTORY_PAGE_SIZE });
    return json({ items: page.items.map(toInspectionSummary), nextCursor: page.nextCursor });
  },

  async openInspection({ viewer, body }) {
    const parsed = openInspectionSchema.safeParse(body);
    if (!parsed.success) return invalid('Fix the highlighted fields.', parsed.error);
    const filled = formPayload(parsed.data, viewer);
    if (!filled.ok) return filled.response;
    const form = parseAuthorizeForm(filled.payload);
    if (!form.ok) return answer(problem('invalid', 400, 'Invalid request', 'Fix the highlighted fields.', { errors: { ...form.fieldErrors } }));
    const result = await openInspection(viewer, form.input, `${API_BASE}/inspections`);
    if (result.kind === 'denied') return apiRefusal('forbidden', result.permission);
    const stored = 'inspectionId' in result && result.inspectionId ? await (await getStore()).getInspection(result.inspectionId) : null;
    const out = toOutcome(result, stored);
    return out.ok ? json(out.outcome, 201) : answer(out.problem);
  },

  async getInspection({ params }) {
    const view = await loadSessionView(params.id!);
    if (!view) return notFound();
    return json({
      inspection: toInspectionSummary(view.inspection),
      timeline: view.timeline,
      lastFlinksCode: view.lastFlinksCode,
      followable: view.followable,
      notFollowableReason: view.followable ? null : view.notFollowableReason,
    });
  },

  async answerMfa({ viewer, params, body }) {
    const parsed = answersSchema.safeParse(body);
    if (!parsed.success) return invalid('Send { "answers": { "<prompt>": "<answer>" } }.', parsed.error);
    const responses = Object.fromEntries(Object.entries(parsed.data.answers).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    if (Object.keys(responses).length === 0) return invalid('Answer at least one question.');
    const store = await getStore();
    if (!(await store.getInspection(params.id!))) return notFound();
    const result = await answerInspectionMfa(viewer, { inspectionId: params.id!, responses });
    if (result.kind === 'denied') return apiRefusal('forbidden', result.permission);
    const out = toOutcome(result, await store.getInspection(params.id!));
    return out.ok ? json(out.outcome) : answer(out.problem);
  },

  async reopenInspection({ viewer, params }) {
    const result = await reopenInspection(viewer, params.id!);
    if (result.kind === 'denied') return apiRefusal('forbidden', result.permission);
    if (result.kind === 'error') return answer(problemOfError(result.error));
    const created = await (await getStore()).getInspection(result.inspectionId);
    return created ? json(toInspectionSummary(created), 201) : notFound();
  },

  async followLink({ viewer, params, query, body }) {
    const parsedQuery = followQuerySchema.safeParse(query);
    if (!parsedQuery.success) return invalid('Fix the query parameters.', parsedQuery.error);
    const options = followOptionsBodySchema.safeParse(body ?? {});
    if (!options.success) return invalid('Fix the options (see FollowOptions).', options.error);
    const id = params.id!;
    const link = params.link as LinkName;
    let result = await followInspectionLink(viewer, id, LINK_KIND[link], withFollowDefaults(options.data));
    if (result.kind === 'denied') return apiRefusal('forbidden', result.permission);
    let polls = 0;
    // Bounded server-side polling of the 202 (GetAccountsDetailAsync), at the interval Flinks documents.
    if (result.kind === 'pending' && link === 'accounts-detail' && parsedQuery.data.wait === 'true') {
      const { intervalMs, giveUpMs } = getEnv().polling;
      const deadline = Date.now() + Math.min(giveUpMs, (parsedQuery.data.waitSeconds ?? 60) * 1000);
      while (result.kind === 'pending' && Date.now() + intervalMs <= deadline) {
        await sleep(intervalMs);
        result = await pollInspectionDetail(viewer, id);
        polls++;
      }
    }
    const out = toLinkResult(id, link, result, polls);
    if (!out.ok) return answer(out.problem.detail === 'This session is unknown.' ? { ...out.problem, status: 404, type: problem('not-found', 404, '', '').type, title: 'Not found' } : out.problem);
    return json(out.body, out.status);
  },

  async getBundle({ viewer, params }) {
    const found = await downloadSupportBundle(viewer, params.id!);
    return found ? json(found.bundle) : notFound();
  },

  async compareInspections({ query }) {
    const parsed = compareQuerySchema.safeParse(query);
    if (!parsed.success) return invalid('Name two sessions: ?a=…&b=… (inspection ids or Request IDs).', parsed.error);
    const loaded = await loadComparison(parseCompareParams(parsed.data));
    if (!loaded.ok) return answer(loaded.reason === 'not_found' ? problem('not-found', 404, 'Not found', loaded.message) : problem('invalid', 400, 'Invalid request', loaded.message));
    return json(loaded.comparison);
  },

  async getOpenApi() {
    return json(buildOpenApiDocument(API_BASE));
  },

  async getDocs() {
    return new Response(renderDocsPage(buildOpenApiDocument(API_BASE)), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  },
};

function match(op: ApiOperation, method: string, segments: string[]): Record<string, string> | null {
  if (op.method !== method.toLowerCase()) return null;
  const template = op.path.split('/').filter(Boolean);
  if (template.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const seg = segments[i]!;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) params[name] = seg;
    else if (part !== seg) return null;
  }
  return params;
}

export async function dispatchApi(request: Request, viewer: Viewer): Promise<Response> {
  const url = new URL(request.url);
  const segments = url.pathname.slice(API_BASE.length).split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  let params: Record<string, string> | null = null;
  const op = API_OPERATIONS.find((o) => (params = match(o, request.method, segments)) !== null);
  if (!op || !params) {
    const elsewhere = API_OPERATIONS.some((o) => match({ ...o, method: request.method.toLowerCase() as 'get' }, request.method, segments));
    return answer(elsewhere ? problem('method-not-allowed', 405, 'Method not allowed', `${request.method} is not an operation of ${url.pathname}.`) : problem('not-found', 404, 'Not found', `No operation at ${url.pathname}; see ${API_BASE}/docs.`));
  }
  if (!(await permits(viewer, op.permission, url.pathname))) return apiRefusal('forbidden', op.permission);
  for (const [name, schema] of Object.entries(op.params ?? {})) {
    const r = schema.safeParse((params as Record<string, string>)[name]);
    if (!r.success) return name === 'id' ? notFound() : answer(problem('not-found', 404, 'Not found', `${name} must be one of the documented values.`));
  }
  let body: unknown = undefined;
  if (op.body) {
    // Bodies are small forms; a large one is refused before it is read whole.
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return answer(problem('too-large', 413, 'Body too large', `Send at most ${MAX_BODY_BYTES} bytes.`));
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return answer(problem('too-large', 413, 'Body too large', `Send at most ${MAX_BODY_BYTES} bytes.`));
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return invalid('The body is not JSON.');
    }
  }
  const query = Object.fromEntries(url.searchParams);
  const handler = HANDLERS[op.operationId];
  if (!handler) return answer(problem('not-implemented', 501, 'Not implemented', op.operationId));
  return handler({ viewer, request, params, query, body });
}
