import { expect, type Page, test } from '@playwright/test';
import { formatFinnishDate } from '@tyoelama/shared';
import {
  arrangeManagedEmployer,
  arrangeUser,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  helsinkiDateIn,
  pickOption,
  saveScreenshot,
  signIn,
  switchLanguage,
  unique,
  VIEWPORTS,
} from './support';

/** The history entry of the latest change of this kind on the employer page. */
function historyChange(page: Page, field: string) {
  return page.locator('app-employer-timeline').locator(`[data-field="${field}"]`).first();
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`follow-ups (${name})`, () => {
    test.use({ viewport });

    test(`an account manager adds and hands over a follow-up on the employer page; the assignee reschedules and completes it on My work (${name})`, async ({
      browser,
      page,
    }) => {
      const { group, manager, employer } = await arrangeManagedEmployer(unique('Jatko Oy'), {
        groupName: unique('Jatkoryhmä'),
        managerName: unique('Aino Asiakas'),
        accountManaged: true,
      });
      const member = await arrangeUser('campus_member', [group.id], unique('Kalle Kampus'));
      const title = unique('Varaa työpaikkakäynti');

      await signIn(page, manager.email);
      await page.goto(`/employers/${employer.id}`);
      const section = page.getByRole('region', { name: 'Avoimet jatkotoimenpiteet' });
      await expect(section.getByText('Ei avoimia jatkotoimenpiteitä.')).toBeVisible();

      await section.getByRole('button', { name: 'Uusi jatkotoimenpide' }).click();
      const dialog = page.getByRole('dialog', { name: 'Uusi jatkotoimenpide' });
      await expect(dialog.getByLabel(/^Mitä pitää tehdä/)).toBeFocused();
      await expectNoAxeViolations(page, `new follow-up dialog ${name}`);
      await dialog.getByRole('button', { name: 'Tallenna' }).click();
      await expect(dialog.getByText('Pakollinen tieto.')).toBeVisible();
      await dialog.getByLabel(/^Mitä pitää tehdä/).fill(title);
      await dialog.getByRole('button', { name: 'Huomenna' }).click();
      await dialog.getByRole('button', { name: 'Tallenna' }).click();
      await expect(dialog).toHaveCount(0);
      const row = section.getByRole('listitem').filter({ hasText: title });
      await expect(row).toContainText(`Eräpäivä ${formatFinnishDate(helsinkiDateIn(1))}`);
      await expect(row).toContainText(`Vastuuhenkilö: ${manager.displayName}`);
      await expect(section.getByRole('status')).toContainText(`Jatkotoimenpide lisätty: ${title}`);

      await row.getByRole('button', { name: `Lisää toimintoja: ${title}` }).click();
      await page.getByRole('menuitem', { name: 'Muokkaa tai siirrä toiselle' }).click();
      const edit = page.getByRole('dialog', { name: 'Muokkaa jatkotoimenpidettä' });
      await expect(edit.getByLabel(/^Mitä pitää tehdä/)).toHaveValue(title);
      // The dialog focuses its first field as it opens; pick only after that, or the pick's Enter lands there.
      await expect(edit.getByLabel(/^Mitä pitää tehdä/)).toBeFocused();
      await pickOption(edit, page, /^Vastuuhenkilö/, member.displayName);
      await edit.getByLabel('Muistiinpanot').fill('Ohjaajan kanssa');
      await expectNoAxeViolations(page, `edit follow-up dialog ${name}`);
      await edit.getByRole('button', { name: 'Tallenna' }).click();
      await expect(edit).toHaveCount(0);
      await expect(row).toContainText(`Vastuuhenkilö: ${member.displayName}`);
      await expect(section.getByRole('status')).toContainText(`Siirretty henkilölle ${member.displayName}: ${title}`);
      // The history says whose it was and whose it is.
      const handover = historyChange(page, 'assigneeId');
      await expect(handover.locator('.old')).toHaveText(manager.displayName);
      await expect(handover.locator('.new')).toHaveText(member.displayName);
      await expectNoHorizontalScroll(page, `employer page ${name}`);
      await expectNoAxeViolations(page, `employer page with follow-ups ${name}`);
      await saveScreenshot(page, `follow-ups-employer-page-${name}`);

      const memberPage = await (await browser.newContext({ viewport })).newPage();
      await signIn(memberPage, member.email);
      await memberPage.goto('/my-work');
      const mine = memberPage.getByRole('listitem').filter({ hasText: title });
      await expect(mine).toContainText('Ohjaajan kanssa');
      await expect(memberPage.getByRole('region', { name: 'Tällä viikolla (1)' })).toContainText(title);
      await expectNoAxeViolations(memberPage, `My work ${name}`);
      await saveScreenshot(memberPage, `follow-ups-my-work-${name}`);

      await mine.getByRole('button', { name: new RegExp(`Siirrä ?: ${title}`) }).click();
      const date = memberPage.getByLabel('Uusi eräpäivä');
      await expect(date).toBeFocused();
      await date.fill(helsinkiDateIn(20));
      await mine.getByRole('button', { name: new RegExp(`Tallenna ?: ${title}`) }).click();
      await expect(memberPage.getByRole('region', { name: 'Myöhemmin (1)' })).toContainText(title);
      await expect(memberPage.locator('.status')).toContainText(
        `Siirretty ${formatFinnishDate(helsinkiDateIn(20))}: ${title}`,
      );

      await memberPage.getByRole('button', { name: new RegExp(`Valmis ?: ${title}`) }).click();
      await expect(memberPage.locator('.status')).toContainText(`Merkitty valmiiksi: ${title}`);
      await expect(memberPage.getByRole('button', { name: 'Kumoa' })).toBeFocused();
      await expect(memberPage.getByRole('region', { name: 'Myöhemmin (0)' })).toBeVisible();
      await expectNoAxeViolations(memberPage, `My work after completing ${name}`);
      if (name === 'desktop') {
        await switchLanguage(memberPage, 'en');
        await expect(memberPage.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
        await expectNoAxeViolations(memberPage, 'My work in English');
      }
      await memberPage.context().close();

      await page.reload();
      await expect(section.getByText('Ei avoimia jatkotoimenpiteitä.')).toBeVisible();
    });

    test(`an employer's history shows each edited field old → new (${name})`, async ({ page }) => {
      const { manager, employer } = await arrangeManagedEmployer(unique('Historia Oy'), {
        groupName: unique('Historiaryhmä'),
      });

      await signIn(page, manager.email);
      await page.goto(`/employers/${employer.id}`);
      await page.getByRole('button', { name: 'Muokkaa', exact: true }).click();
      await pickOption(page, page, /^Tila/, 'Kumppani');
      await page.getByLabel('Kunta').fill('Nokia');
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await expect(page.getByRole('button', { name: 'Muokkaa', exact: true })).toBeVisible();

      const status = historyChange(page, 'status');
      await expect(status.locator('dt')).toHaveText('Tila');
      await expect(status.locator('.old')).toHaveText('Mahdollinen');
      await expect(status.locator('.new')).toHaveText('Kumppani');
      const town = historyChange(page, 'municipality');
      await expect(town.locator('.old')).toHaveText('Tampere');
      await expect(town.locator('.new')).toHaveText('Nokia');
      await expectNoHorizontalScroll(page, `employer history ${name}`);
      await expectNoAxeViolations(page, `employer history ${name}`);
      await saveScreenshot(page, `employer-history-${name}`);
      if (name === 'desktop') {
        await switchLanguage(page, 'en');
        await expect(status.locator('dt')).toHaveText('Status');
        await expect(status.locator('.new')).toHaveText('Partner');
        await expectNoAxeViolations(page, 'employer history in English');
      }
    });
  });
}
