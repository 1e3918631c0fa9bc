import type { AuditEvent } from './types';

/**
 * The audit export's two formats. JSON Lines is for machines (one event per line, every field);
 * CSV is for spreadsheets, where two things matter: RFC 4180 quoting, and cells that a spreadsheet
 * would run as a formula. Actor emails, reasons and user agents are typed by people, so a reason
 * of `=HYPERLINK(...)` must reach the analyst as text, not as a live link.
 */

export type ExportFormat = 'jsonl' | 'csv';

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, { contentType: string; extension: string }>> = {
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'jsonl' || value === 'csv';
}

/** Column order of the CSV; the JSONL objects use the same names. */
export const EXPORT_COLUMNS = [
  'at', 'actor_type', 'actor_id', 'actor_email', 'actor_role', 'action', 'target_type', 'target_id', 'environment',
  'reason', 'outcome', 'interface', 'request_id', 'ip', 'user_agent', 'metadata',
] as const;

type ExportRecord = Record<Exclude<(typeof EXPORT_COLUMNS)[number], 'metadata'>, string | null> & { id: string; metadata: unknown };

function toRecord(e: AuditEvent): ExportRecord {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor_type: e.actorType,
    actor_id: e.actorId,
    actor_email: e.actorEmail,
    actor_role: e.actorRole,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    environment: e.environment,
    reason: e.reason,
    outcome: e.outcome,
    interface: e.interface,
    request_id: e.requestId,
    ip: e.ip,
    user_agent: e.userAgent,
    metadata: e.metadata ?? null,
  };
}

/** One event as a JSON line; JSON escapes newlines inside strings, so a line is always one event. */
export function jsonLine(e: AuditEvent): string {
  return `${JSON.stringify(toRecord(e))}\n`;
}

// OWASP's list: = + - @ start a formula; a leading tab or carriage return can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula starts neutralised with a leading quote, then quoted when RFC 4180 says so. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 records end in CRLF. */
export const csvRow = (cells: readonly (string | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const csvHeader = (): string => csvRow(['id', ...EXPORT_COLUMNS]);

export function csvLine(e: AuditEvent): string {
  const r = toRecord(e);
  return csvRow([r.id, ...EXPORT_COLUMNS.map((c) => (c !== 'metadata' ? r[c] : r.metadata === null ? null : JSON.stringify(r.metadata)))]);
}

/**
 * A byte stream of the events in a format, pulled one event at a time: the iterator only runs as
 * fast as the client downloads, so a large export holds one page of rows in memory, not all of them.
 */
export function exportStream(events: AsyncIterable<AuditEvent>, format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === 'csv') {
        started = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      started = true;
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(format === 'csv' ? csvLine(next.value) : jsonLine(next.value)));
    },
    async cancel() {
      // The client went away: stop paging through the database.
      await iterator.return?.();
    },
  });
}

/** e.g. audit-trail-2026-01-21T093015Z.csv: dated, sortable, no characters a file system dislikes. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '') + 'Z';
  return `audit-trail-${stamp}.${EXPORT_FORMATS[format].extension}`;
}
