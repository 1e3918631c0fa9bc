/**
 * /api/v1/docs: the operations of the OpenAPI document as one server-rendered page, no script (the
 * CSP allows none from elsewhere, and a reference needs none). Built from the document itself, so
 * it lists exactly what the API serves.
 */

type Json = Record<string, unknown>;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderDocsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const rows = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = ((op.parameters as Json[]) ?? []).map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})`).join(', ');
      const body = (op.requestBody as { content: Record<string, { schema: { $ref?: string } }> } | undefined)?.content['application/json']?.schema.$ref?.split('/').pop();
      const responses = Object.entries(op.responses as Record<string, { description: string }>).map(([s, r]) => `<li><code>${esc(s)}</code> ${esc(r.description)}</li>`).join('');
      return `<section><h2><span class="m">${esc(method.toUpperCase())}</span> <code>/api/v1${esc(path)}</code></h2>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
<p>Permission: <code>${esc(op['x-permission'])}</code>${params ? ` · Parameters: ${params}` : ''}${body ? ` · Body: <code>${esc(body)}</code>` : ''}</p>
<ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}section{border-top:1px solid #e2e8f0;padding:.5rem 0}h2{font-size:1.05rem}.m{background:#312e81;color:#fff;border-radius:4px;padding:0 .4rem;font-size:.85rem}code{background:#f1f5f9;padding:0 .2rem}</style>
</head><body><main><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). The CLI: <code>npx fsi --help</code>.</p>
${rows.join('\n')}</main></body></html>`;
}
