import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  arrangeCampusGroup,
  arrangeEmployer,
  arrangeOpportunity,
  arrangeUser,
  expectNoAxeViolations,
  newBusinessId,
  pickOption,
  signIn,
  unique,
} from './support';

test('leadership opens the dashboard, filters it to one campus group and drills into a stage of the funnel', async ({
  page,
}) => {
  const group = await arrangeCampusGroup();
  const employer = await arrangeEmployer(unique('Tilannekuva Oy'), group.id);
  const first = unique('Neuvottelussa A');
  const second = unique('Neuvottelussa B');
  await arrangeOpportunity(employer.id, first, 'negotiating', 4);
  await arrangeOpportunity(employer.id, second, 'negotiating', 2);
  const leader = await arrangeUser('leadership');

  await signIn(page, leader.email);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tilannekuva' }).click();
  await expect(page).toHaveTitle('Tilannekuva – Työelämä CRM');
  await pickOption(page, page, 'Campus-ryhmä', group.name);
  await expect(page).toHaveURL(new RegExp(`campusGroupId=${group.id}`));
  const drill = page.getByRole('link', { name: '2 mahdollisuutta, avaa vaihe Neuvottelu' });
  await expect(drill).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard');
  await drill.click();
  await expect(page).toHaveURL(/\/pipeline\?/);
  await expect(page).toHaveURL(/stage=negotiating/);
  await expect(page.getByText('Näytetään vain vaihe Neuvottelu.')).toBeVisible();
  await expect(page.getByRole('heading', { name: first })).toBeVisible();
  await expect(page.getByRole('heading', { name: second })).toBeVisible();
  // Leadership reads, it does not move cards.
  await expect(page.getByRole('button', { name: new RegExp(`Siirrä ?: ${first}`) })).toHaveCount(0);
});

test('an account manager imports employers from CSV with a preview and row errors, then exports exactly the filtered list', async ({
  page,
}) => {
  const group = await arrangeCampusGroup();
  const manager = await arrangeUser('account_manager', [group.id]);
  const tag = unique('Tuonti').replace(/-/g, '');
  const existingId = newBusinessId();
  await arrangeEmployer(`${tag} Vanha Oy`, group.id, { businessId: existingId });
  const csv = [
    'Nimi,Y-tunnus,Kunta,Yhteyshenkilö,Sähköposti',
    `${tag} Alfa Oy,${newBusinessId()},Tampere,Aino Alfa,aino@alfa.example.fi`,
    `${tag} Beta Oy,${newBusinessId()},Nokia,,`,
    `${tag} Virhe Oy,1234567-8,Tampere,,`,
    `${tag} Vanha Oy,${existingId},Tampere,,`,
  ].join('\n');

  await signIn(page, manager.email);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tuonti' }).click();
  await expect(page).toHaveTitle('Työnantajien tuonti – Työelämä CRM');
  await page
    .getByLabel('Tiedosto', { exact: true })
    .setInputFiles({ name: 'tyonantajat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await pickOption(page, page, 'Omistava Campus-ryhmä', group.name);
  await page.getByRole('button', { name: 'Lataa esikatseluun' }).click();
  await expect(page.getByRole('heading', { name: 'Esikatselu: tyonantajat.csv' })).toBeVisible();
  await expect(page.locator('dd[data-count="total"]')).toHaveText('4');
  await expect(page.locator('dd[data-count="invalid"]')).toHaveText('1');
  await expect(page.locator('dd[data-count="duplicates"]')).toHaveText('1');
  const table = page.getByRole('table', { name: /Tiedoston rivit 1–4 \/ 4/ });
  await expect(table.getByRole('row', { name: new RegExp(`${tag} Virhe Oy`) })).toContainText(
    'Y-tunnuksen tarkistusmerkki ei täsmää',
  );
  await expect(table.getByRole('row', { name: new RegExp(`${tag} Vanha Oy`) })).toContainText(
    'Samalla Y-tunnuksella on jo työnantaja',
  );
  await expectNoAxeViolations(page, 'import preview');
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tuonti valmis' })).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page, 'import report');

  await page
    .getByRole('link', { name: 'Työnantajiin' })
    .or(page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Työnantajat' }))
    .first()
    .click();
  await page.getByLabel('Hae nimellä tai Y-tunnuksella').fill(tag);
  await expect(page.getByRole('link', { name: `${tag} Alfa Oy` })).toBeVisible();
  await expect(page.getByRole('link', { name: `${tag} Virhe Oy` })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Vie CSV-tiedostoon' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain(`${tag} Alfa Oy`);
  expect(text).toContain(`${tag} Beta Oy`);
  expect(text).toContain(`${tag} Vanha Oy`);
  expect(text).not.toContain(`${tag} Virhe Oy`);
  expect(text.trim().split(/\r?\n/)).toHaveLength(4);
});

test('global search opens with Ctrl+K, is driven by the arrow keys and opens the employer', async ({ page }) => {
  const group = await arrangeCampusGroup();
  const employer = await arrangeEmployer(unique('Hakukone Oy'), group.id);
  const member = await arrangeUser('campus_member', [group.id]);
  await signIn(page, member.email);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  await page.keyboard.type(employer.name);
  const option = dialog.getByRole('option', { name: new RegExp(employer.name) });
  await expect(option).toBeVisible();
  await expectNoAxeViolations(page, 'search dialog');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/employers/${employer.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(employer.name);
});
