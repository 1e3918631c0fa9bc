import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOOLBOX as TOOLBOX_CREDENTIALS } from '@/lib/flinks/toolbox';
import { PORTS, SENTINEL } from './servers';

/**
 * Playwright globalTeardown: after the whole run, while the servers are still up, read every line
 * the dashboards logged (LOG_FILE per server, LOG_LEVEL=debug) and fail the run if any secret is in
 * them: the sentinel secret key and API key, the toolbox keys, the authorize tokens the recording
 * simulator issued, the password the specs type, and the MFA answers.
 */

export const SERVER_LOG_DIR = path.resolve('test-results', 'server-logs');

async function issuedTokens(): Promise<string[]> {
  try {
    const res = await fetch(`http://127.0.0.1:${PORTS.recordingSimulator}/_issued-tokens`);
    return (await res.json()) as string[];
  } catch {
    return [];
  }
}

export default async function checkServerLogs(): Promise<void> {
  const files = readdirSync(SERVER_LOG_DIR).filter((f) => f.endsWith('.log'));
  const logs = files.map((f) => ({ file: f, text: readFileSync(path.join(SERVER_LOG_DIR, f), 'utf8') }));
  // A log that was never written would pass any grep: every server must at least have logged its start.
  const silent = logs.filter((l) => !l.text.includes('"msg":"server started"')).map((l) => l.file);
  if (logs.length === 0 || silent.length > 0) {
    throw new Error(`Server logs missing or without a start line in ${SERVER_LOG_DIR}: ${silent.join(', ') || '(no files)'}`);
  }
  const tokens = await issuedTokens();
  const needles: Record<string, string> = {
    'sentinel secret key': SENTINEL.secretKey,
    'sentinel API key': SENTINEL.apiKey,
    'toolbox secret key': TOOLBOX_CREDENTIALS.secretKey,
    'toolbox API key': TOOLBOX_CREDENTIALS.apiKey,
    'toolbox password': 'Everyday',
    'MFA answer Montreal': 'Montreal',
    'MFA answer Triangle': 'Triangle',
    ...Object.fromEntries(tokens.map((t, i) => [`authorize token #${i + 1}`, t])),
  };
  const found: string[] = [];
  for (const { file, text } of logs) {
    for (const [what, value] of Object.entries(needles)) if (text.includes(value)) found.push(`${what} in ${file}`);
  }
  const lines = logs.reduce((n, l) => n + l.text.split('\n').filter(Boolean).length, 0);
  if (found.length > 0) throw new Error(`Secrets in the server logs:\n  ${found.join('\n  ')}`);
  // The log context must survive Next's bundling: Flinks calls made by the use cases name their inspection.
  const calls = logs.flatMap((l) => l.text.split('\n').filter((line) => line.includes('"msg":"Flinks call"')));
  const tagged = calls.filter((line) => line.includes('"inspectionId":"'));
  if (calls.length > 0 && tagged.length === 0) throw new Error(`None of the ${calls.length} logged Flinks calls carries an inspectionId.`);
  console.log(
    `server logs: ${lines} lines in ${logs.length} files, checked for ${Object.keys(needles).length} secrets (${tokens.length} issued tokens): none found; ${tagged.length}/${calls.length} Flinks calls carry an inspectionId`,
  );
}
