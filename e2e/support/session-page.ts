import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { InspectorPage } from './inspector-page';

/** The session page (/sessions/{id}) as a user sees it: by labels, roles and visible text. */
export class SessionPage {
  readonly steps: Locator;
  readonly polling: Locator;
  readonly expiry: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByTestId('timeline-step');
    this.polling = page.getByTestId('detail-polling');
    this.expiry = page.getByTestId('expiry');
  }

  /** From the home page's "Session opened" result to its session page. */
  static async openFrom(inspector: InspectorPage): Promise<SessionPage> {
    await inspector.expectSessionOpened();
    await inspector.page.getByRole('link', { name: 'Open session page' }).click();
    await expect(inspector.page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
    return new SessionPage(inspector.page);
  }

  get id(): string {
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  async requestId(): Promise<string> {
    return (await this.page.getByTestId('request-id').innerText()).trim();
  }

  follow(link: 'Accounts summary' | 'Accounts detail' | 'Statements') {
    return this.page.getByRole('button', { name: link, exact: true }).click();
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** "Authorize 203 OPERATION_PENDING" — endpoint, status and FlinksCode of every step, in order. */
  async stepSummaries(): Promise<string[]> {
    return this.steps.evaluateAll((lis) =>
      lis.map((li) => {
        const d = (li as HTMLElement).dataset;
        return [d.endpoint, d.httpStatus, d.flinksCode].filter(Boolean).join(' ');
      }),
    );
  }

  /** Holder details are masked until someone gives a reason in the reveal dialog. */
  async revealHolderDetails(reason = 'TICKET-1'): Promise<void> {
    await this.page.getByRole('button', { name: 'Reveal holder details' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reveal holder details' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async copyCurl(n: number): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy as cURL' }).nth(n).click();
    const pre = this.page.getByLabel(`cURL command for step ${n + 1}`);
    await expect(pre).toBeVisible();
    return pre.innerText();
  }
}

/**
 * Session specs need their own servers (short poll interval; a simulator whose clock they may move),
 * declared as projects in playwright.config.ts. Anywhere else they skip rather than disturb others.
 */
export function runOnlyIn(...projects: string[]) {
  // Playwright requires the fixtures argument to be destructured, even when none is used.
  return ({}, testInfo: TestInfo) => {
    test.skip(!projects.includes(testInfo.project.name), `needs the ${projects.join('/')} server of playwright.config.ts`);
  };
}

/**
 * A fresh server opens its database (PGlite's first initdb takes seconds) on the first page that
 * reads the store; do that before a test starts its clock. Use as test.beforeAll(warmUp).
 */
export async function warmUp({ request }: { request: APIRequestContext }) {
  const res = await request.get('/sessions', { timeout: 60_000 });
  expect(res.ok()).toBe(true);
}
