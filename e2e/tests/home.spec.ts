import { expect, test } from '@playwright/test';
import {
  ADMIN,
  arrangeCampusGroup,
  arrangeEmployer,
  arrangeFollowUp,
  arrangeManagedEmployer,
  arrangeOpportunity,
  arrangeUser,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  saveScreenshot,
  signIn,
  unique,
  VIEWPORTS,
} from './support';

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`home page (${name})`, () => {
    test.use({ viewport });

    test(`an account manager completes and reschedules follow-ups in place and logs a contact from home (${name})`, async ({
      page,
    }) => {
      const { manager, employer } = await arrangeManagedEmployer(unique('Kotisivu Oy'), {
        accountManaged: true,
      });
      const late = unique('Soita rehtorille');
      const todays = unique('Lähetä sopimus');
      const later = unique('Työpaikkakäynti');
      await arrangeFollowUp(employer.id, late, manager.id, -2);
      await arrangeFollowUp(employer.id, todays, manager.id, 0);
      await arrangeFollowUp(employer.id, later, manager.id, 3);

      await signIn(page, manager.email);
      await expect(page).toHaveURL(/\/$/);
      const overdue = page.getByRole('region', { name: 'Myöhässä (1)' });
      await expect(overdue.getByText(late, { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Tänään (1)' }).getByText(todays, { exact: true })).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Tällä viikolla (1)' }).getByText(later, { exact: true }),
      ).toBeVisible();
      // Never contacted, so among "my employers with no contact in 90 days".
      await expect(
        page.getByRole('region', { name: /Ei yhteyttä 90 päivään/ }).getByRole('link', { name: employer.name }),
      ).toBeVisible();
      await expectNoHorizontalScroll(page, `account manager home ${name}`);
      await expectNoAxeViolations(page, `account manager home ${name}`);
      await saveScreenshot(page, `home-account-manager-${name}`);

      await page.getByRole('button', { name: new RegExp(`Valmis ?: ${late}`) }).click();
      await expect(page.locator('#home-status')).toContainText(`Merkitty valmiiksi: ${late}`);
      await expect(page.locator('#home-status')).toBeFocused();
      await expect(page.getByRole('region', { name: 'Myöhässä (0)' })).toBeVisible();

      await page.getByRole('button', { name: new RegExp(`Siirrä ?: ${todays}`) }).click();
      const date = page.getByLabel('Uusi eräpäivä');
      await expect(date).toBeFocused();
      await page.getByRole('button', { name: new RegExp(`Tallenna ?: ${todays}`) }).click();
      await expect(page.locator('#home-status')).toContainText(`: ${todays}`);
      await expect(page.getByRole('region', { name: 'Tänään (0)' })).toBeVisible();
      await expectNoAxeViolations(page, `account manager home after changes ${name}`);

      // Opening the employer puts it in "recently viewed".
      // The page records the view in the background: wait for it, or going back may outrun it.
      const viewRecorded = page.waitForResponse(
        (response) => response.url().endsWith('/api/home/recent-employers') && response.ok(),
      );
      await page.getByRole('link', { name: employer.name }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: employer.name })).toBeVisible();
      await viewRecorded;
      await page.goBack();
      await expect(
        page.getByRole('region', { name: 'Viimeksi katsotut' }).getByRole('link', { name: employer.name }),
      ).toBeVisible();

      await page.getByRole('button', { name: 'Kirjaa yhteydenotto' }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page, `log-contact dialog from home ${name}`);
    });

    test(`a campus member sees their group's essentials and their follow-ups (${name})`, async ({ page }) => {
      const group = await arrangeCampusGroup(unique('Kotiryhmä'));
      const member = await arrangeUser('campus_member', [group.id]);
      const employer = await arrangeEmployer(unique('Kampus Oy'), group.id);
      const other = await arrangeCampusGroup();
      const hidden = await arrangeEmployer(unique('Muu ryhmä Oy'), other.id);
      await arrangeOpportunity(employer.id, unique('Paikat'), 'negotiating', 4);
      const mine = unique('Ohjaajan tapaaminen');
      await arrangeFollowUp(employer.id, mine, member.id, -1);

      await signIn(page, member.email);
      await expect(page).toHaveURL(/\/$/);
      const groups = page.getByRole('region', { name: 'Campus-ryhmiesi tilanne' });
      await expect(groups.getByRole('heading', { name: new RegExp(group.name) })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Myöhässä (1)' }).getByText(mine, { exact: true })).toBeVisible();
      await expect(page.getByText(hidden.name)).toHaveCount(0);
      await expectNoHorizontalScroll(page, `campus member home ${name}`);
      await expectNoAxeViolations(page, `campus member home ${name}`);
      await saveScreenshot(page, `home-campus-member-${name}`);
      await groups.getByRole('link', { name: new RegExp(`Avaa ryhmän tilanne ?: ${group.name}`) }).click();
      await expect(page).toHaveURL(new RegExp(`/campus-status/${group.id}`));
    });

    test(`leadership sees three key figures with sparklines linking to the dashboard (${name})`, async ({ page }) => {
      const leader = await arrangeUser('leadership');
      await signIn(page, leader.email);
      const figures = page.getByRole('region', { name: 'Tärkeimmät luvut' });
      await expect(figures.getByRole('listitem')).toHaveCount(3);
      await expect(figures.locator('app-sparkline svg')).toHaveCount(3);
      await expectNoHorizontalScroll(page, `leadership home ${name}`);
      await expectNoAxeViolations(page, `leadership home ${name}`);
      await saveScreenshot(page, `home-leadership-${name}`);
      await figures.getByRole('link', { name: /Yhteydenotot, 12 viikkoa/ }).click();
      await expect(page).toHaveURL(/\/dashboard/);
    });

    test(`an admin sees users and groups that need attention (${name})`, async ({ page }) => {
      const fresh = await arrangeUser('campus_member', [], unique('Uusi jäsen'));
      const empty = await arrangeCampusGroup(unique('Tyhjä ryhmä'));
      await signIn(page, ADMIN.email, ADMIN.password);
      const users = page.getByRole('region', { name: /^Käyttäjät/ });
      await expect(users.getByRole('listitem').filter({ hasText: fresh.displayName })).toContainText(
        'Ei Campus-ryhmää',
      );
      const groups = page.getByRole('region', { name: /^Campus-ryhmät/ });
      await expect(groups.getByRole('listitem').filter({ hasText: empty.name })).toContainText('Ei jäseniä');
      await expectNoHorizontalScroll(page, `admin home ${name}`);
      await expectNoAxeViolations(page, `admin home ${name}`);
      await saveScreenshot(page, `home-admin-${name}`);
    });
  });
}
