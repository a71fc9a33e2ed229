// Steps for sharing a report in the browser tests: making a link with the share dialog, opening it elsewhere.
import { expect, type Page } from '@playwright/test';

/** Opens "Share this report", makes a link for `role` and returns it (a /join/<id>#token=... address). */
export async function makeShareLink(
  page: Page,
  role: 'tutor' | 'mentor' | 'reviewer' | 'teacher' | 'client',
): Promise<string> {
  const share = page.locator('details.share');
  if (!(await share.evaluate((element) => (element as HTMLDetailsElement).open)))
    await share.locator('summary').click();
  const field = page.getByLabel('Link to send');
  const before = (await field.count()) > 0 ? await field.inputValue() : '';
  await page.getByLabel('Who is the link for?').selectOption(role);
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Link for a ${role} made.` })).toBeVisible();
  await expect(field).toHaveValue(/\/join\/[A-Za-z0-9_-]+#token=/);
  await expect(field).not.toHaveValue(before);
  return field.inputValue();
}
