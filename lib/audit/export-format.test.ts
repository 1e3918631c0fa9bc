import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLine, exportFileName, exportStream, jsonLine } from './export-format';
import { summariseMetadata } from './metadata-summary';
import type { AuditEvent } from './types';

const event = (over: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '0b6f9a52-7d4c-4a1e-9a43-3f1f6a0c2b11',
  at: new Date('2026-01-21T09:30:15.123Z'),
  actorType: 'user',
  actorId: 'u1',
  actorEmail: 'alice@example.test',
  actorRole: 'admin',
  action: 'pii.reveal',
  targetType: 'login',
  targetId: 'login-1',
  environment: 'simulator',
  reason: null,
  outcome: 'permitted',
  interface: 'web',
  requestId: 'req-1',
  ip: '127.0.0.1',
  userAgent: 'Mozilla/5.0',
  metadata: { fields: ['name', 'email'] },
  ...over,
});

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* from(events: AuditEvent[]) {
  yield* events;
}

describe('csvCell', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 6 00')).toBe("'+33 6 00");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    // Neutralised first, then quoted: the quote mark sits inside the quoted cell.
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('CSV export', () => {
  it('has a header and one CRLF-terminated record per event, metadata as JSON', () => {
    expect(csvHeader()).toBe(
      'id,at,actor_type,actor_id,actor_email,actor_role,action,target_type,target_id,environment,reason,outcome,interface,request_id,ip,user_agent,metadata\r\n',
    );
    expect(csvLine(event({ reason: '=cmd|x, "ticket"' }))).toBe(
      '0b6f9a52-7d4c-4a1e-9a43-3f1f6a0c2b11,2026-01-21T09:30:15.123Z,user,u1,alice@example.test,admin,pii.reveal,login,login-1,simulator,' +
        '"\'=cmd|x, ""ticket""",permitted,web,req-1,127.0.0.1,Mozilla/5.0,"{""fields"":[""name"",""email""]}"\r\n',
    );
  });

  it('streams the header then every event', async () => {
    const out = await text(exportStream(from([event(), event({ action: 'auth.sign_in', metadata: null })]), 'csv'));
    const lines = out.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^id,at,/);
    expect(lines[2]).toMatch(/,auth\.sign_in,.*,Mozilla\/5\.0,$/);
    expect(lines[3]).toBe('');
  });
});

describe('JSON Lines export', () => {
  it('writes one parseable object per line, newlines inside values escaped', async () => {
    const out = await text(exportStream(from([event({ reason: 'two\nlines' }), event({ actorType: 'system', actorEmail: null })]), 'jsonl'));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ at: '2026-01-21T09:30:15.123Z', reason: 'two\nlines', metadata: { fields: ['name', 'email'] } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ actor_type: 'system', actor_email: null });
    expect(jsonLine(event())).toMatch(/\n$/);
  });

  it('writes nothing for no events, and stops the iterator when the client goes away', async () => {
    expect(await text(exportStream(from([]), 'jsonl'))).toBe('');
    let finished = false;
    async function* endless() {
      try {
        for (;;) yield event();
      } finally {
        finished = true;
      }
    }
    const reader = exportStream(endless(), 'jsonl').getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});

describe('export names and metadata summary', () => {
  it('dates the file name', () => {
    expect(exportFileName('csv', new Date('2026-01-21T09:30:15.123Z'))).toBe('audit-trail-2026-01-21T093015Z.csv');
    expect(exportFileName('jsonl', new Date('2026-01-21T09:30:15.123Z'))).toBe('audit-trail-2026-01-21T093015Z.jsonl');
  });

  it('summarises metadata as key=value pairs, cut to length', () => {
    expect(summariseMetadata(null)).toBeNull();
    expect(summariseMetadata({})).toBeNull();
    expect(summariseMetadata({ permission: 'audit:view', fields: ['a', 'b'] })).toEqual({
      short: 'permission=audit:view, fields=["a","b"]',
      full: '{"permission":"audit:view","fields":["a","b"]}',
    });
    expect(summariseMetadata({ k: 'x'.repeat(100) }, 10)!.short).toBe('k=xxxxxxx…');
  });
});
