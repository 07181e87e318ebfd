import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, PASSWORD, signIn, unique } from './support';

test('admin creates a campus group and an account manager, who can then sign in', async ({ page }) => {
  const groupName = unique('Hervannan Campus-ryhmä');
  const email = `${unique('am')}@example.fi`.toLowerCase();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Campus-ryhmät' }).click();
  await expectNoAxeViolations(page, 'campus group list');
  await page.getByRole('link', { name: /Uusi Campus-ryhmä/ }).click();
  await page.getByRole('button', { name: 'Tallenna' }).click();
  // Empty form: field-level errors, announced and linked to the fields.
  await expect(page.getByLabel('Nimi')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Nimi').fill(groupName);
  await page.getByLabel('Kampus').fill('Hervanta');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(groupName);

  await page.getByRole('link', { name: 'Käyttäjät' }).click();
  await expectNoAxeViolations(page, 'user list');
  await page.getByRole('link', { name: /Uusi käyttäjä/ }).click();
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Nimi').fill('Aino Asiakaspäällikkö');
  await page.getByLabel('Rooli').selectOption({ label: 'Asiakaspäällikkö' });
  await page.getByLabel(groupName).check();
  await page.getByLabel('Salasana').fill(PASSWORD);
  await expectNoAxeViolations(page, 'user form');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByText('Tallennettu.')).toBeVisible();

  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await signIn(page, email);
  await expect(page.getByRole('main')).toContainText('Aino Asiakaspäällikkö');
});
