import { expect, test } from '@playwright/test';
import type { CreateOpportunityRequest, OpportunityStage } from '@tyoelama/shared';
import {
  adminPost,
  arrangeManagedEmployer,
  arrangeOpportunity,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  signIn,
  unique,
  VIEWPORTS,
} from './support';

test.describe('pipeline board', () => {
  test('an account manager moves an opportunity by mouse (drag and drop) and by keyboard', async ({ page }) => {
    const { group, manager, employer } = await arrangeManagedEmployer(unique('Putkiston Paja Oy'));
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
    // Focus follows the moved card, not the top of the page.
    await expect(column('Neuvottelu').getByRole('article', { name: keyed })).toBeFocused();

    // The employer's page shows both in their new stages.
    await page.goto(`/employers/${employer.id}`);
    const table = page.getByRole('table', { name: 'Työnantajan yhteistyömahdollisuudet' });
    await expect(table.getByRole('row', { name: new RegExp(dragged) })).toContainText('Sovittu');
    await expect(table.getByRole('row', { name: new RegExp(keyed) })).toContainText('Neuvottelu');
  });

  test('moving to Lost asks for a reason in a dialog that keeps focus inside and returns it', async ({ page }) => {
    const { group, manager, employer } = await arrangeManagedEmployer(unique('Menetys Oy'));
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

  for (const { name, viewport } of VIEWPORTS) {
    test(`with 150 opportunities the board fits (${name}): folded won and lost, show more, a move in 4 keys`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      const { group, manager, employer } = await arrangeManagedEmployer(unique('Suurpaja Oy'));
      const spread: [OpportunityStage, number][] = [
        ['identified', 60],
        ['contacted', 30],
        ['negotiating', 15],
        ['agreed', 10],
        ['won', 20],
        ['lost', 15],
      ];
      for (const [stage, count] of spread) {
        for (let i = 1; i <= count; i += 1) {
          const opportunity: CreateOpportunityRequest = {
            employerId: employer.id,
            title: `${stage} ${i}`,
            type: 'training_agreement',
            expectedPlaces: 1,
            stage,
            ...(stage === 'lost' ? { lostReason: 'Ei ohjaajaa' } : {}),
          };
          await adminPost('/api/opportunities', opportunity);
        }
      }

      await signIn(page, manager.email);
      await page.goto(`/pipeline?campusGroupId=${group.id}`);
      const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
      await expect(column('Tunnistettu').getByRole('article')).toHaveCount(10);
      await expect(column('Tunnistettu')).toContainText('60 kpl, 60 opiskelijapaikkaa');
      await expect(column('Tunnistettu')).toContainText('Näytetään 10 / 60');

      // Side by side: the last column starts level with the first, and only the board scrolls sideways.
      const first = (await column('Tunnistettu').boundingBox())!;
      const last = (await column('Menetetty').boundingBox())!;
      expect(Math.abs(last.y - first.y)).toBeLessThan(2);
      await expectNoHorizontalScroll(page, `pipeline board (${name})`);

      // Won and lost start folded, with their counts; they open on demand.
      const wonToggle = column('Toteutunut').getByRole('button', { name: 'Toteutunut', exact: true });
      await expect(wonToggle).toHaveAttribute('aria-expanded', 'false');
      await expect(column('Menetetty').getByRole('button', { name: 'Menetetty', exact: true })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      await expect(column('Toteutunut')).toContainText('20 kpl');
      await expect(column('Menetetty')).toContainText('15 kpl');
      await expect(column('Toteutunut').getByRole('article')).toHaveCount(0);
      await expectNoAxeViolations(page, `pipeline board with 150 (${name})`);
      await wonToggle.click();
      await expect(wonToggle).toHaveAttribute('aria-expanded', 'true');
      await expect(column('Toteutunut').getByRole('article')).toHaveCount(10);
      await wonToggle.click();
      await expect(column('Toteutunut').getByRole('article')).toHaveCount(0);

      // Show more: ten more cards, and focus on the first of them.
      await column('Tunnistettu')
        .getByRole('button', { name: /^Näytä lisää ?: Tunnistettu$/ })
        .click();
      await expect(column('Tunnistettu').getByRole('article')).toHaveCount(20);
      await expect(column('Tunnistettu').getByRole('article').nth(10)).toBeFocused();

      // Every card and Move button has a name of its own.
      const moveNames = await page
        .getByRole('button', { name: /^Siirrä ?: / })
        .evaluateAll((buttons) => buttons.map((button) => button.textContent?.replace(/\s+/g, ' ').trim()));
      expect(new Set(moveNames).size).toBe(moveNames.length);

      // Keyboard only: from the type filter, Tab to the first column's heading button, Tab to its first
      // card, the arrow to the next one, and the number 3 moves it to Neuvottelu: 4 key presses.
      const second = column('Tunnistettu').getByRole('article').nth(1);
      const title = (await second.getByRole('heading').textContent())!.trim();
      await page.getByRole('combobox', { name: 'Tyyppi' }).focus();
      const keys = ['Tab', 'Tab', 'ArrowDown', '3'];
      for (const key of keys) await page.keyboard.press(key);
      expect(keys.length).toBeLessThanOrEqual(4);
      await expect(page.getByText(`${title} siirretty vaiheeseen Neuvottelu. Vaiheessa nyt 16 kpl.`)).toBeVisible();
      const moved = column('Neuvottelu').getByRole('article', { name: title, exact: true });
      await expect(moved).toBeFocused();
      await expect(column('Tunnistettu')).toContainText('59 kpl');

      // Lost still asks why; the reason and Enter finish the move, and the card is announced.
      await page.keyboard.press('6');
      const dialog = page.getByRole('dialog', { name: 'Miksi mahdollisuus menetettiin?' });
      await expect(dialog.getByLabel('Syy')).toBeFocused();
      await page.keyboard.type('Ei ohjaajaa');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(page.getByText(`${title} siirretty vaiheeseen Menetetty. Vaiheessa nyt 16 kpl.`)).toBeVisible();
      await expect(column('Menetetty')).toContainText('16 kpl');
      await expectNoHorizontalScroll(page, `pipeline board after losing one (${name})`);
    });
  }
});
