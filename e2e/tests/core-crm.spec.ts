import { expect, test } from '@playwright/test';
import {
  arrangeCampusGroup,
  arrangeEmployer,
  arrangeManagedEmployer,
  arrangeUser,
  expectNoAxeViolations,
  newBusinessId,
  pickOption,
  signIn,
  switchLanguage,
  unique,
} from './support';

test('an account manager creates an employer, adds a contact person, logs a contact with a follow-up and completes it', async ({
  page,
}) => {
  const group = await arrangeCampusGroup();
  const manager = await arrangeUser('account_manager', [group.id]);
  const suffix = unique('x').slice(-6);
  const name = `Pirkanmaan Koneistamo ${suffix} Oy`;
  const followUp = `Lähetä sopimusluonnos ${suffix}`;

  await signIn(page, manager.email);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Työnantajat' }).click();
  await page.getByRole('link', { name: 'Uusi työnantaja' }).first().click();
  await expect(page).toHaveTitle('Uusi työnantaja – Työelämä CRM');

  await page.getByLabel('Nimi', { exact: true }).fill(name);
  const businessId = page.getByLabel('Y-tunnus');
  await businessId.fill('1234567-8');
  await businessId.blur();
  // A bad Y-tunnus is caught at the field, and the error is part of the field's description.
  await expect(businessId).toHaveAttribute('aria-invalid', 'true');
  await expect(businessId).toHaveAccessibleDescription(/Y-tunnuksen tarkistusmerkki ei täsmää/);
  await expectNoAxeViolations(page, 'employer form with an error');
  await businessId.fill(newBusinessId());
  await businessId.blur();
  await expect(businessId).not.toHaveAttribute('aria-invalid', 'true');
  await pickOption(page, page, 'Omistava Campus-ryhmä', group.name);
  await page.getByRole('button', { name: 'Luo työnantaja' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page).toHaveTitle(/ – Työelämä CRM$/);

  await page.getByRole('button', { name: 'Lisää yhteyshenkilö' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Uusi yhteyshenkilö' });
  await expect(personDialog.getByLabel('Nimi', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'contact person dialog');
  await personDialog.getByLabel('Nimi', { exact: true }).fill('Maija Mallikas');
  await personDialog.getByLabel('Tehtävänimike').fill('HR-päällikkö');
  await personDialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(personDialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lisää yhteyshenkilö' })).toBeFocused();
  await expect(page.getByText('Maija Mallikas').first()).toBeVisible();

  await page.getByRole('main').getByRole('button', { name: 'Kirjaa yhteydenotto' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirjaa yhteydenotto' });
  await expect(dialog).toBeVisible();
  await dialog
    .getByRole('radio', { name: 'Puhelu' })
    .or(dialog.getByRole('button', { name: 'Puhelu' }))
    .first()
    .click();
  await dialog.getByLabel('Yhteenveto').fill('Soitettu koulutussopimuspaikoista kevääksi');
  await dialog.getByRole('checkbox', { name: /Maija Mallikas/ }).check();
  await dialog.getByRole('option', { name: 'Koulutussopimus' }).click();
  await dialog.getByRole('checkbox', { name: 'Lisää jatkotoimenpide' }).check();
  await dialog.getByLabel('Mitä pitää tehdä').fill(followUp);
  await dialog.getByRole('button', { name: 'Ensi viikolla' }).click();
  await expectNoAxeViolations(page, 'log contact dialog');
  await dialog.getByRole('button', { name: 'Kirjaa', exact: true }).click();
  await expect(page.getByText('Yhteydenotto ja jatkotoimenpide kirjattu')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Soitettu koulutussopimuspaikoista kevääksi').first()).toBeVisible();

  // Found again by a misspelled name.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Työnantajat' }).click();
  await page.getByLabel('Hae nimellä tai Y-tunnuksella').fill(`Pirkanmaan Konestamo ${suffix}`);
  await expect(page).toHaveURL(/[?&]q=Pirkanmaan/);
  await expect(page.getByRole('link', { name })).toBeVisible();

  // The follow-up is done in My work.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Oma työ' }).click();
  await expect(page).toHaveTitle('Oma työ – Työelämä CRM');
  await page.getByRole('button', { name: new RegExp(`^Valmis ?: ${followUp}$`) }).click();
  await expect(page.getByText(`Merkitty valmiiksi: ${followUp}`)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Valmis ?: ${followUp}$`) })).toHaveCount(0);
});

test('two pages editing one employer: the second save gets the conflict view and can re-apply', async ({ browser }) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Konfliktin Kauppa Oy'));
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) {
    await signIn(page, manager.email);
    await page.goto(`/employers/${employer.id}`);
    await page.getByRole('button', { name: 'Muokkaa', exact: true }).click();
  }
  await first.getByLabel('Kunta').fill('Nokia');
  await first.getByRole('button', { name: 'Tallenna' }).click();
  await expect(first.getByRole('button', { name: 'Muokkaa', exact: true })).toBeVisible();
  await expect(first.getByRole('main')).toContainText('Nokia');

  await second.getByLabel('Kunta').fill('Ylöjärvi');
  await second.getByRole('button', { name: 'Tallenna' }).click();
  await expect(second.getByRole('heading', { name: 'Joku muu muutti tätä työnantajaa sillä välin' })).toBeVisible();
  await expect(second.getByRole('table', { name: 'Muuttuneet kentät' })).toContainText('Nokia');
  await expectNoAxeViolations(second, 'conflict view');
  await second.getByRole('button', { name: 'Käytä muutoksiani uusimpaan' }).click();
  await expect(second.getByRole('button', { name: 'Muokkaa', exact: true })).toBeVisible();
  await expect(second.getByRole('main')).toContainText('Ylöjärvi');
  await first.context().close();
  await second.context().close();
});

test('a campus member sees only their own groups’ employers and is refused elsewhere', async ({ page }) => {
  const own = await arrangeCampusGroup();
  const other = await arrangeCampusGroup();
  const ownEmployer = await arrangeEmployer(unique('Oman Ryhmän Oy'), own.id);
  const otherEmployer = await arrangeEmployer(unique('Toisen Ryhmän Oy'), other.id);
  const member = await arrangeUser('campus_member', [own.id]);

  await signIn(page, member.email);
  await page.goto('/employers');
  await expect(page.getByRole('link', { name: ownEmployer.name })).toBeVisible();
  await expect(page.getByRole('link', { name: otherEmployer.name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Uusi työnantaja' })).toHaveCount(0);

  await page.goto(`/employers/${otherEmployer.id}`);
  await expect(page.getByRole('alert')).toContainText('Tietoa ei löytynyt.');
  await expect(page.getByText(otherEmployer.name)).toHaveCount(0);

  await page.goto('/users/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ei käyttöoikeutta');
  await expect(page).toHaveTitle('Ei käyttöoikeutta – Työelämä CRM');
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ei käyttöoikeutta');
});

test('switching the language keeps the page and changes its strings', async ({ page }) => {
  const group = await arrangeCampusGroup();
  const manager = await arrangeUser('account_manager', [group.id]);
  await signIn(page, manager.email);
  await page.goto('/employers?status=partner');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Työnantajat');
  const finnish = await page.getByRole('banner').innerText();
  await switchLanguage(page, 'en');
  await expect(page).toHaveURL(/\/employers\?status=partner$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Employers');
  await expect(page).toHaveTitle('Employers – Työelämä CRM');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  const english = await page.getByRole('banner').innerText();
  // Every string of the header changed (names and language codes aside).
  for (const word of ['Työnantajat', 'Oma työ', 'Kirjaa yhteydenotto', 'Kirjaudu ulos', 'Haku']) {
    expect(finnish).toContain(word);
    expect(english).not.toContain(word);
  }
  await expect(page.getByRole('main')).not.toContainText(/Hae nimellä|Tila|Tyhjennä/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Employers');
  await switchLanguage(page, 'fi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Työnantajat');
});
