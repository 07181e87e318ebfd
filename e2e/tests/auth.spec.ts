import { expect, test } from '@playwright/test';
import {
  ADMIN,
  arrangeUser,
  expectNoAxeViolations,
  expectVisibleFocus,
  focusedElement,
  PASSWORD,
  signIn,
  switchLanguage,
} from './support';

test.describe('signing in and out', () => {
  test('a user signs in, sees their name and signs out; pages then need a sign-in again', async ({ page }) => {
    const user = await arrangeUser('leadership');
    await signIn(page, user.email);
    await expect(page.getByRole('main')).toContainText('E2E leadership');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/users');
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
  });

  test('a wrong password is refused with an announced message and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Sähköposti').fill(ADMIN.email);
    await page.getByLabel('Salasana').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    const live = page.locator('[aria-live="assertive"]');
    await expect(live).toContainText('Sähköpostiosoite tai salasana on väärin.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an empty form gets field errors linked to the fields, and focus moves to the first one', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    // Angular Material leaves aria-invalid off an empty required field (aria-required says it); the error
    // text is the field's description, so it is read with the field, and focus moves to it.
    const email = page.getByLabel('Sähköposti');
    await expect(email).toBeFocused();
    await expect(email).toHaveAccessibleDescription('Pakollinen tieto.');
    await expect(page.getByLabel('Salasana')).toHaveAccessibleDescription('Pakollinen tieto.');
    await page.getByLabel('Sähköposti').fill('ei-osoite');
    await page.getByLabel('Sähköposti').blur();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Tarkista sähköpostiosoite.');
  });

  test('signing in by keyboard alone: skip link, visible focus, the form and the return to the asked page', async ({
    page,
  }) => {
    const user = await arrangeUser('account_manager');
    await page.goto('/employers');
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).text).toBe('Siirry sisältöön');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Sähköposti')).toBeFocused();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Salasana')).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/employers$/);
    await expect(page).toHaveTitle('Työnantajat – Työelämä CRM');
  });

  test('the login page has no axe violations in Finnish or English and links the accessibility statement', async ({
    page,
  }) => {
    await page.goto('/login');
    await expect(page).toHaveTitle('Kirjautuminen – Työelämä CRM');
    await expectNoAxeViolations(page, 'login fi');
    await switchLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page).toHaveTitle('Sign in – Työelämä CRM');
    await expectNoAxeViolations(page, 'login en');
    await page.getByRole('main').getByRole('link', { name: 'Accessibility statement' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
  });
});

test.describe('accessibility statement', () => {
  test('is public, complete in both languages and linked from the footer', async ({ page }) => {
    await page.goto('/accessibility');
    await expect(page).toHaveTitle('Saavutettavuusseloste – Työelämä CRM');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste');
    await expect(main).toContainText('täyttää saavutettavuusvaatimukset (WCAG 2.1 -tasot A ja AA) osittain');
    for (const heading of [
      'Sisällöt, jotka eivät ole saavutettavia',
      'Palaute ja yhteystiedot',
      'Valvontaviranomainen',
    ]) {
      await expect(main.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(main.getByRole('link', { name: /saavutettavuus@example\.fi/ })).toHaveAttribute(
      'href',
      'mailto:saavutettavuus@example.fi',
    );
    await expect(main).toContainText(/laadittu \d{1,2}\.\d{1,2}\.\d{4}/);
    await expectNoAxeViolations(page, 'statement fi');
    await switchLanguage(page, 'en');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
    await expect(main.getByRole('heading', { level: 2, name: 'Enforcement procedure' })).toBeVisible();
    await expectNoAxeViolations(page, 'statement en');
    await switchLanguage(page, 'fi');

    const user = await arrangeUser('campus_member');
    await signIn(page, user.email);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Saavutettavuusseloste' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('button', { name: 'Kirjaudu ulos' })).toBeVisible();
  });
});
