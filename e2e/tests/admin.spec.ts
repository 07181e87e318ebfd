import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, PASSWORD, pickOption, signIn, unique } from './support';

test('admin creates a campus group and an account manager, who can then sign in', async ({ page }) => {
  const groupName = unique('Hervannan Campus-ryhmä');
  const email = `${unique('am')}@example.fi`.toLowerCase();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Campus-ryhmät' }).click();
  await expect(page).toHaveTitle('Campus-ryhmät – Työelämä CRM');
  await page.getByRole('link', { name: 'Uusi Campus-ryhmä' }).click();
  await expect(page).toHaveTitle('Uusi Campus-ryhmä – Työelämä CRM');
  await page.getByRole('button', { name: 'Luo Campus-ryhmä' }).click();
  // Empty form: field-level errors, linked to the fields, focus on the first.
  const name = page.getByLabel('Nimi');
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(/Pakollinen tieto/);
  await expectNoAxeViolations(page, 'campus group form with errors');
  await name.fill(groupName);
  await page.getByLabel('Kampus').fill('Hervanta');
  await page.getByRole('button', { name: 'Luo Campus-ryhmä' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(groupName);

  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Käyttäjät' }).click();
  await page.getByRole('link', { name: 'Uusi käyttäjä' }).click();
  await page.getByLabel('Nimi').fill('Aino Asiakaspäällikkö');
  await page.getByLabel('Sähköposti').fill(email);
  await pickOption(page, page, 'Rooli', 'Asiakaspäällikkö');
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('combobox', { name: 'Campus-ryhmät' }).click();
  await page.getByRole('option', { name: new RegExp(groupName) }).click();
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page, 'user form');
  await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
  await expect(page.getByText('Käyttäjä luotu.')).toBeVisible();

  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await signIn(page, email);
  await expect(page.getByRole('main')).toContainText('Aino Asiakaspäällikkö');
  // The new group is there for them to open from the campus status picker.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Campus-tilanne' }).click();
  await page.getByRole('main').getByRole('link', { name: groupName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(groupName);
});
