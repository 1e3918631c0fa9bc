import path from 'node:path';
import { test as base } from '@playwright/test';
import { InspectorPage } from './inspector-page';
import { ADMIN, signedInState } from './staff';

/**
 * Every story runs signed in as the first admin (one sign-in per worker and server, so Better
 * Auth's limiter is not what the suite measures). Specs about roles and sign-in itself start from
 * a signed-out context of their own.
 */
export const test = base.extend<{ inspector: InspectorPage }, { adminState: string }>({
  adminState: [
    async ({}, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error(`project ${workerInfo.project.name} has no baseURL`);
      const file = path.join(workerInfo.project.outputDir, `.admin-state-${workerInfo.workerIndex}.json`);
      await provide(await signedInState(baseURL, ADMIN, file));
    },
    { scope: 'worker' },
  ],
  storageState: async ({ adminState }, provide) => provide(adminState),
  inspector: async ({ page }, provide) => {
    const inspector = new InspectorPage(page);
    await inspector.goto();
    await provide(inspector);
  },
});

export { expect } from '@playwright/test';
export { SAMPLE_LOGIN_ID, TOOLBOX_ANSWERS } from './inspector-page';
