import { expect, test } from '@playwright/test';
import {
  arrangeCampusGroup,
  arrangeEmployer,
  arrangeOpportunity,
  arrangeUser,
  expectNoAxeViolations,
  signIn,
  unique,
} from './support';

test.describe('pipeline board', () => {
  test('an account manager moves an opportunity by mouse (drag and drop) and by keyboard', async ({ page }) => {
    const group = await arrangeCampusGroup();
    const manager = await arrangeUser('account_manager', [group.id]);
    const employer = await arrangeEmployer(unique('Putkiston Paja Oy'), group.id);
    const dragged = unique('Syksyn paikat');
    const keyed = unique('Kevään paikat');
    await arrangeOpportunity(employer.id, dragged, 'identified');
    await arrangeOpportunity(employer.id, keyed, 'contacted');

    await signIn(page, manager.email);
    await page.goto(`/pipeline?campusGroupId=${group.id}`);
    await expect(page).toHaveTitle('Yhteistyömahdollisuudet – Työelämä CRM');
    const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
    await expect(column('Tunnistettu').getByRole('heading', { name: dragged })).toBeVisible();
    await expectNoAxeViolations(page, 'pipeline board');

    // By mouse: drag the card onto the Sovittu column, in small steps like a hand would.
    const card = column('Tunnistettu').getByRole('listitem').filter({ hasText: dragged });
    const from = (await card.getByRole('heading', { name: dragged }).boundingBox())!;
    const to = (await column('Sovittu').getByRole('list').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 20 });
    await page.mouse.up();
    await expect(page.getByText('Siirretty vaiheeseen Sovittu')).toBeVisible();
    await expect(column('Sovittu').getByRole('heading', { name: dragged })).toBeVisible();
    await expect(column('Tunnistettu').getByRole('heading', { name: dragged })).toHaveCount(0);

    // By keyboard: focus the card's Move button, open its menu with Enter, pick a stage with arrows.
    const move = page.getByRole('button', { name: new RegExp(`^Siirrä ?: ${keyed}$`) });
    await move.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await expectNoAxeViolations(page, 'move menu');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    const target = menu.getByRole('menuitem', { name: 'Siirrä vaiheeseen Neuvottelu' });
    for (let i = 0; i < 6 && !(await target.evaluate((element) => element === document.activeElement)); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Siirretty vaiheeseen Neuvottelu')).toBeVisible();
    await expect(column('Neuvottelu').getByRole('heading', { name: keyed })).toBeVisible();
    // Focus comes back to the moved card's button, not to the top of the page.
    await expect(page.getByRole('button', { name: new RegExp(`^Siirrä ?: ${keyed}$`) })).toBeFocused();

    // The employer's page shows both in their new stages.
    await page.goto(`/employers/${employer.id}`);
    const table = page.getByRole('table', { name: 'Työnantajan yhteistyömahdollisuudet' });
    await expect(table.getByRole('row', { name: new RegExp(dragged) })).toContainText('Sovittu');
    await expect(table.getByRole('row', { name: new RegExp(keyed) })).toContainText('Neuvottelu');
  });

  test('moving to Lost asks for a reason in a dialog that keeps focus inside and returns it', async ({ page }) => {
    const group = await arrangeCampusGroup();
    const manager = await arrangeUser('account_manager', [group.id]);
    const employer = await arrangeEmployer(unique('Menetys Oy'), group.id);
    const title = unique('Rekry');
    await arrangeOpportunity(employer.id, title, 'negotiating');
    await signIn(page, manager.email);
    await page.goto(`/pipeline?campusGroupId=${group.id}`);
    await page.getByRole('button', { name: new RegExp(`^Siirrä ?: ${title}$`) }).click();
    await page.getByRole('menuitem', { name: 'Siirrä vaiheeseen Menetetty' }).click();
    const dialog = page.getByRole('dialog', { name: 'Miksi mahdollisuus menetettiin?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Syy')).toBeFocused();
    await expectNoAxeViolations(page, 'lost reason dialog');
    // Tab cycles inside the modal dialog.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Neuvottelu', exact: true }).getByRole('heading', { name: title }),
    ).toBeVisible();
  });
});
