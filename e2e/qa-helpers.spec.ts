import { expect, test } from './support/fixtures';

test.describe('QA helpers on a test upstream', () => {
  test('the environment badge says Simulator', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('environment-badge')).toHaveText(/Simulator/);
  });

  test('the persona picker fills the Live form and lists simulator-only personas with what they trigger', async ({ inspector, page }) => {
    const picker = page.getByLabel('Test persona');
    await expect(picker.getByRole('option', { name: /sim_hang/ })).toHaveCount(1);
    await expect(picker.getByRole('option', { name: /test_disabled_account — .*DISABLED_LOGIN/ })).toHaveCount(1);
    await picker.selectOption('sim_choice');
    await expect(page.getByRole('radio', { name: 'Live' })).toBeChecked();
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue('sim_choice');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('Everyday');
    await expect(page.getByLabel('Institution', { exact: true })).toHaveValue('FlinksCapital');
    await inspector.authorize();
    await expect(page.getByRole('radiogroup', { name: 'Which colour is your card?' })).toBeVisible();
  });
});
