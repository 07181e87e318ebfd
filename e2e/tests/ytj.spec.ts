import { expect, test } from '@playwright/test';
import { E2E_YTJ_PORT } from '../playwright.config';
import { ADMIN, arrangeCampusGroup, arrangeUser, expectNoAxeViolations, pickOption, signIn } from './support';

// The fake register's companies (e2e/fake-ytj.mjs): one to fill from, one whose register fails.
const FILLED_ID = '2938471-4';
const FAILING_ID = '2938472-2';

test('an employer is filled from YTJ; the admin refreshes from YTJ and the bankruptcy shows on the employer', async ({
  page,
}) => {
  const group = await arrangeCampusGroup();
  const manager = await arrangeUser('account_manager', [group.id]);
  await signIn(page, manager.email);
  await page.goto('/employers/new');

  // YTJ not answering is said plainly, and the form goes on working.
  const businessId = page.getByLabel('Y-tunnus');
  await businessId.fill(FAILING_ID);
  await page.getByRole('button', { name: 'Hae YTJ:stä' }).click();
  await expect(page.getByRole('alert')).toContainText('YTJ ei vastaa juuri nyt.');

  // Typed without the hyphen, as people often do.
  await businessId.fill(FILLED_ID.replace('-', ''));
  await page.getByLabel('Nimi', { exact: true }).fill('Pirkan Hitsaus');
  await page.getByRole('button', { name: 'Hae YTJ:stä' }).click();
  const proposal = page.getByRole('region', { name: 'YTJ: Pirkan Hitsaus Oy' });
  await expect(proposal.getByRole('row', { name: /Yritysmuoto/ })).toContainText('Osakeyhtiö');
  // The typed name is shown against the register's, not replaced unless chosen.
  await expect(proposal.getByRole('checkbox', { name: 'Nimi' })).not.toBeChecked();
  await expect(proposal.getByRole('checkbox', { name: 'Katuosoite' })).toBeChecked();
  await expectNoAxeViolations(page, 'fill from YTJ proposal');
  await proposal.getByRole('checkbox', { name: 'Nimi' }).check();
  await proposal.getByRole('button', { name: 'Käytä valitut tiedot' }).click();

  await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Pirkan Hitsaus Oy');
  await expect(businessId).toHaveValue(FILLED_ID);
  await expect(page.getByLabel('Yritysmuoto')).toHaveValue('Osakeyhtiö');
  await expect(page.getByLabel('Katuosoite')).toHaveValue('Hatanpään valtatie 24');
  await expect(page.getByLabel('Postinumero')).toHaveValue('33100');
  await expect(page.getByLabel('Kunta')).toHaveValue('Tampere');
  await expect(page.getByLabel('Toimialakoodi')).toHaveValue('25110');
  await pickOption(page, page, 'Omistava Campus-ryhmä', group.name);
  await page.getByRole('button', { name: 'Luo työnantaja' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pirkan Hitsaus Oy' })).toBeVisible();
  const employerUrl = page.url();
  await expect(page.getByText('Osakeyhtiö')).toBeVisible();

  // Later the company goes bankrupt in the register.
  const changed = await fetch(`http://127.0.0.1:${E2E_YTJ_PORT}/control/companies/${FILLED_ID}`, {
    method: 'POST',
    body: JSON.stringify({ companySituations: [{ type: 'KONK', registrationDate: '2026-02-10', source: '1' }] }),
  });
  expect(changed.status).toBe(200);

  await page.context().clearCookies();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/employers');
  await page.getByRole('link', { name: 'Päivitä YTJ:stä' }).click();
  await expect(page).toHaveTitle(/Päivitä YTJ:stä/);
  await page.getByRole('button', { name: 'Päivitä YTJ:stä' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Tarkistettu' });
  await expect(status).toContainText('Päivitys valmis', { timeout: 60_000 });
  await expectNoAxeViolations(page, 'refresh from YTJ');

  await page.goto(employerUrl);
  const notice = page.getByRole('note');
  await expect(notice).toContainText('YTJ: yritys on konkurssissa');
  // The CRM's own record stays as it was saved.
  await expect(page.getByRole('heading', { level: 1, name: 'Pirkan Hitsaus Oy' })).toBeVisible();
  await expectNoAxeViolations(page, 'employer with a register flag');

  await page.goto(`/employers?registerFlags=true&q=${encodeURIComponent('Pirkan Hitsaus')}`);
  const row = page.getByRole('row', { name: /Pirkan Hitsaus Oy/ });
  await expect(row.getByRole('img', { name: 'YTJ-huomio: konkurssissa' })).toBeVisible();
  await expectNoAxeViolations(page, 'employer list with a register flag');
});
