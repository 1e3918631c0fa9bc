import { test as base } from '@playwright/test';
import { InspectorPage } from './inspector-page';

export const test = base.extend<{ inspector: InspectorPage }>({
  inspector: async ({ page }, provide) => {
    const inspector = new InspectorPage(page);
    await inspector.goto();
    await provide(inspector);
  },
});

export { expect } from '@playwright/test';
export { SAMPLE_LOGIN_ID, TOOLBOX_ANSWERS } from './inspector-page';
