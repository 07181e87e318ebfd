import { expect, type Locator, type Page, test } from '@playwright/test';
import { arrangeManagedEmployer, expectNoAxeViolations, signIn, unique, VIEWPORTS } from './support';

/**
 * Types key by key as a Finnish keyboard does: a key event for every character, ä included
 * (Playwright's keyboard.type inserts characters missing from the US layout as text, with no key event).
 */
async function typeKeys(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const key of text) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
  }
  await cdp.detach();
}

/** On a phone the dialog fills the screen and every control in it is at least 44 px tall. */
async function expectPhoneSheet(page: Page, dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  const size = page.viewportSize();
  expect(box && size && { width: Math.round(box.width), height: Math.round(box.height) }).toEqual({
    width: size?.width,
    height: size?.height,
  });
  const small = await dialog.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('button, input[type=checkbox], [role=option]'))
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({
        name: element.textContent?.trim() || element.tagName,
        height: element.getBoundingClientRect().height,
      }))
      .filter((target) => target.height < 44),
  );
  expect(small).toEqual([]);
  // The contact types sit in a grid of whole buttons: each one's border is complete and inside the dialog.
  const toggles = await dialog.locator('mat-button-toggle').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        inside: rect.left >= 0 && rect.right <= window.innerWidth,
        border: style.borderTopWidth === style.borderLeftWidth && style.borderTopStyle !== 'none',
      };
    }),
  );
  expect(toggles).toHaveLength(6);
  expect(toggles.every((toggle) => toggle.inside && toggle.border)).toBe(true);
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`contact entries (${name})`, () => {
    test.use({ viewport });

    test(`an account manager logs a contact typing at once, edits it, deletes it and undoes that (${name})`, async ({
      page,
    }) => {
      const { manager, employer } = await arrangeManagedEmployer(unique('Hämeen Auto Oy'), {
        accountManaged: true,
      });
      const summary = unique('Hämeen Auto soitti');

      await signIn(page, manager.email);
      await page.goto(`/employers/${employer.id}`);
      await expect(page.getByRole('heading', { level: 1, name: employer.name })).toBeVisible();

      // The shortcut opens the dialog on this page's employer; typing starts at once, before the
      // dialog's code has even loaded, and nothing typed is lost.
      await page.keyboard.press('Alt+Shift+L');
      await typeKeys(page, summary);
      const dialog = page.getByRole('dialog', { name: 'Kirjaa yhteydenotto' });
      await expect(dialog.locator('#log-contact-summary')).toHaveValue(summary);
      await expect(dialog.locator('#log-contact-summary')).toBeFocused();
      await expect(dialog.locator('#log-contact-employer')).toHaveValue(employer.name);
      if (name === 'phone') await expectPhoneSheet(page, dialog);
      await expectNoAxeViolations(page, `log-contact dialog ${name}`);

      // A changed dialog asks before Escape throws the text away.
      await page.keyboard.press('Escape');
      const question = dialog.getByRole('group', { name: 'Hylätäänkö tallentamattomat muutokset?' });
      await expect(question).toBeVisible();
      await expect(question.getByRole('button', { name: 'Jatka muokkaamista' })).toBeFocused();
      await expectNoAxeViolations(page, `log-contact discard question ${name}`);
      await page.keyboard.press('Enter');
      await expect(question).toBeHidden();
      await dialog.getByRole('button', { name: 'Kirjaa', exact: true }).click();
      await expect(dialog).toBeHidden();

      const timeline = page.getByRole('region', { name: 'Tapahtumahistoria' });
      await expect(timeline.getByText(`Puhelu: ${summary}`, { exact: true })).toBeVisible();

      // Edit: the dialog opens on the entry; after the save focus is back on the Edit button.
      const edited = `${summary} takaisin`;
      const editButton = timeline.getByRole('button', { name: `Muokkaa: Puhelu: ${summary}`, exact: true });
      await editButton.click();
      const editDialog = page.getByRole('dialog', { name: 'Muokkaa yhteydenottoa' });
      const summaryField = editDialog.locator('#log-contact-summary');
      await expect(summaryField).toHaveValue(summary);
      await expectNoAxeViolations(page, `edit contact dialog ${name}`);
      await summaryField.fill(edited);
      await editDialog.getByRole('button', { name: 'Tallenna', exact: true }).click();
      await expect(editDialog).toBeHidden();
      await expect(timeline.getByText(`Puhelu: ${edited}`, { exact: true })).toBeVisible();
      await expect(timeline.getByRole('button', { name: `Muokkaa: Puhelu: ${edited}`, exact: true })).toBeFocused();

      // Delete, then undo within the 10 seconds the notice offers.
      await timeline.getByRole('button', { name: `Poista: Puhelu: ${edited}`, exact: true }).click();
      await expect(timeline.getByText(`Puhelu: ${edited}`, { exact: true })).toBeHidden();
      // The save notice may still be leaving while the next one arrives, so find each by its text.
      await expect(page.locator('[matsnackbarlabel]').filter({ hasText: /^\s*Poistettu\s*$/ })).toBeVisible();
      await page.getByRole('button', { name: 'Kumoa' }).click();
      await expect(timeline.getByText(`Puhelu: ${edited}`, { exact: true })).toBeVisible();
      await expect(
        page.locator('[matsnackbarlabel]').filter({ hasText: /^\s*Yhteydenotto palautettu\s*$/ }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `employer page after undo ${name}`);
    });
  });
}
