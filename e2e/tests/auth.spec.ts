import { expect, test } from '@playwright/test';
import { ADMIN, arrangeUser, expectNoAxeViolations, signIn } from './support';

test.describe('signing in and out', () => {
  test('a user signs in, sees their name and signs out', async ({ page }) => {
    const user = await arrangeUser('leadership');
    await signIn(page, user.email);
    await expect(page.getByRole('main')).toContainText('E2E leadership');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/users');
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
  });

  test('a wrong password is refused with a message and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Sähköposti').fill(ADMIN.email);
    await page.getByLabel('Salasana').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await expect(page.getByRole('alert').or(page.locator('[aria-live]')).first()).toContainText(/salasana/i);
    await expect(page).toHaveURL(/\/login/);
  });

  test('the login page has no axe violations in Finnish or English', async ({ page }) => {
    await page.goto('/login');
    await expect(page).toHaveTitle(/Kirjautuminen/);
    await expectNoAxeViolations(page, 'login fi');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Sign in/);
    await expectNoAxeViolations(page, 'login en');
  });
});
