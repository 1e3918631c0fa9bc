import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

/** Server actions by exported name, from the build's manifest: to call one directly, as an attacker would. */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.exportedName === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found[0];
}

/** POSTs a server action with the caller's cookies; returns the HTTP status. */
export async function callAction(request: APIRequestContext, baseURL: string, name: string, arg: unknown): Promise<number> {
  const res = await request.post(`${baseURL}/`, {
    headers: { 'Next-Action': actionId(name), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL },
    data: JSON.stringify([arg]),
    maxRedirects: 0,
  });
  return res.status();
}
