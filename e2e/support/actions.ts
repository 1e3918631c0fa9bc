import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

type Manifest = { node: Record<string, { exportedName?: string; workers: Record<string, unknown> }> };

/**
 * A server action by exported name, from the build's manifest, with a page that mounts it: Next
 * runs an action only on a page whose bundle has it (posted elsewhere, the page just renders).
 */
export function listActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.resolve('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? 'app/page';
    const page = worker.replace(/^app/, '').replace(/\/(page|route)$/, '').replace(/\[\w+\]/g, '11111111-2222-4333-8444-555555555555') || '/';
    return { id, name: entry.exportedName ?? id, page };
  });
}

export function actionRoute(name: string): { id: string; page: string } {
  const found = listActions().find((a) => a.name === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found;
}

/** POSTs a server action with the caller's cookies, as an attacker with a session would; returns the HTTP status. */
export async function callAction(request: APIRequestContext, baseURL: string, name: string, arg: unknown): Promise<number> {
  const { id, page } = actionRoute(name);
  const res = await request.post(`${baseURL}${page}`, {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL },
    data: JSON.stringify([arg]),
    maxRedirects: 0,
  });
  return res.status();
}
