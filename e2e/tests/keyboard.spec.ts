import { expect, type Locator, type Page, test } from '@playwright/test';
import { arrangeFollowUp, arrangeManagedEmployer, expectVisibleFocus, signIn, unique } from './support';

/** Presses Tab until `target` has focus; every stop must show a visible focus indicator. */
async function tabUntil(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (
      await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
    )
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached with ${max} × Tab`);
}

test('an account manager’s day by keyboard alone: log a contact from anywhere, then complete a follow-up', async ({
  page,
}) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Näppäimistön Nikkarointi Oy'), {
    managerName: 'Näppäimistö Käyttäjä',
  });
  const followUp = unique('Varmista työpaikkaohjaaja');
  await arrangeFollowUp(employer.id, followUp, manager.id, 1);

  await signIn(page, manager.email);
  // The shortcut opens the log-contact dialog from any page, with focus inside it.
  await page.keyboard.press('Alt+Shift+L');
  const dialog = page.getByRole('dialog', { name: 'Kirjaa yhteydenotto' });
  await expect(dialog).toBeVisible();
  const employerField = dialog.getByRole('combobox', { name: /Työnantaja/ });
  await expect(employerField).toBeFocused();
  await page.keyboard.type(employer.name.slice(0, 18));
  await expect(page.getByRole('option', { name: new RegExp(employer.name) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(employerField).toHaveValue(employer.name);

  await tabUntil(
    page,
    dialog
      .getByRole('radio', { name: 'Puhelu' })
      .or(dialog.getByRole('button', { name: 'Puhelu' }))
      .first(),
  );
  await expectVisibleFocus(page);
  await page.keyboard.press('Space');
  const summary = dialog.getByLabel('Yhteenveto');
  await tabUntil(page, summary);
  await expectVisibleFocus(page);
  await page.keyboard.type('Sovittu ohjaajakoulutuksesta puhelimessa');
  await tabUntil(page, dialog.getByRole('button', { name: 'Kirjaa', exact: true }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Yhteydenotto kirjattu', { exact: true })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // My work: reach it through the main menu and complete the follow-up, all by keyboard.
  await page.getByRole('banner').getByRole('link', { name: 'Työelämä CRM' }).focus();
  await tabUntil(page, page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Oma työ' }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Oma työ – Työelämä CRM');
  const done = page.getByRole('button', { name: new RegExp(`^Valmis ?: ${followUp}$`) });
  await tabUntil(page, done);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Merkitty valmiiksi: ${followUp}`)).toBeVisible();
  // Focus is not lost to the top of the page: it lands on something inside main (the undo or the list).
  expect(await page.getByRole('main').evaluate((main) => main.contains(document.activeElement))).toBe(true);
});
