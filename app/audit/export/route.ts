import { parseAuditParams } from '@/lib/audit/audit-filter';
import { EXPORT_FORMATS, exportFileName, exportStream, isExportFormat } from '@/lib/audit/export-format';
import { iterateAuditEvents } from '@/lib/audit/query';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, currentRequestMeta, requireViewer } from '@/lib/auth/viewer';
import { getDatabase } from '@/lib/store';

const plain = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /audit/export?format=jsonl|csv&actor=…&action=…&target=…&from=…&to=…
 * Every event the filters match, streamed (not built in memory). A filter it cannot read is a 400,
 * not ignored as on the page: a download must not silently hold more than was asked for.
 */
export async function GET(request: Request) {
  const viewer = await requireViewer('audit:view');
  const params = new URL(request.url).searchParams;
  const format = params.get('format');
  if (!isExportFormat(format)) return plain(400, 'format must be jsonl or csv.');
  const query = parseAuditParams(params);
  if (query.problems.length > 0) return plain(400, `Cannot export: ${query.problems.join(' ')}`);
  // Reading the trail out of the building is itself on the trail (filters by name, never the rows).
  await recordAudit({
    action: 'audit.export',
    actor: actorOf(viewer),
    outcome: 'permitted',
    environment: viewer.environment,
    request: await currentRequestMeta(),
    metadata: { format, filters: Object.keys(query.filter) },
  });
  const { db } = await getDatabase();
  return new Response(exportStream(iterateAuditEvents(db, query.filter), format), {
    headers: {
      'Content-Type': EXPORT_FORMATS[format].contentType,
      'Content-Disposition': `attachment; filename="${exportFileName(format, new Date())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
