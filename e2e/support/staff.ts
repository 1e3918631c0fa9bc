import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

/** The first admin every e2e server creates at start (INSPECTOR_ADMIN_EMAIL / _PASSWORD in playwright.config.ts). */
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.test',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'correct-horse-battery',
};

/**
 * Signs in through Better Auth's own route, as the sign-in page does (the Origin header is what a
 * browser sends; Better Auth refuses cookie-bearing posts from other origins), and returns the
 * storage state for a browser context.
 */
export async function signedInState(baseURL: string, who: { email: string; password: string }, file: string): Promise<string> {
  const ctx: APIRequestContext = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  try {
    const res = await ctx.post('/api/auth/sign-in/email', { data: { email: who.email, password: who.password } });
    if (!res.ok()) throw new Error(`sign-in as ${who.email} at ${baseURL} failed: ${res.status()} ${await res.text()}`);
    await ctx.storageState({ path: file });
    return file;
  } finally {
    await ctx.dispose();
  }
}
