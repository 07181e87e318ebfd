import { expect, test } from '@playwright/test';
import { type CreateContactEntryRequest, formatFinnishDate, helsinkiDate } from '@tyoelama/shared';
import {
  adminPost,
  arrangeManagedEmployer,
  arrangeOpportunity,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  helsinkiDateIn,
  saveScreenshot,
  signIn,
  switchLanguage,
  unique,
  VIEWPORTS,
} from './support';

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`employer journey (${name})`, () => {
    test.use({ viewport });

    test(`an account manager sees the derived steps and sets the suitability check by hand (${name})`, async ({
      page,
    }) => {
      const { manager, employer } = await arrangeManagedEmployer(unique('Polku Oy'), {
        groupName: unique('Polkuryhmä'),
        managerName: unique('Aino Asiakas'),
      });
      // A logged contact and a won training-agreement opportunity: first contact and agreement, derived.
      const contactedAt = new Date(Date.now() - 60 * 60 * 1000);
      const entry: CreateContactEntryRequest = {
        employerId: employer.id,
        type: 'phone',
        occurredAt: contactedAt.toISOString(),
        summary: 'Kysyi koulutussopimuspaikoista',
      };
      await adminPost('/api/contact-entries', entry);
      await arrangeOpportunity(employer.id, unique('Koulutussopimuspaikat'), 'won');
      const today = formatFinnishDate(helsinkiDateIn(0));
      // An hour ago is yesterday in Helsinki during the first hour after midnight.
      const contactDay = formatFinnishDate(helsinkiDate(contactedAt));

      await signIn(page, manager.email);
      await page.goto(`/employers/${employer.id}`);
      const journey = page.locator('app-employer-journey');
      await expect(journey.getByRole('region', { name: 'Työnantajan polku' })).toBeVisible();
      const steps = journey.getByRole('list').first().locator(':scope > li');
      await expect(steps).toHaveCount(8);
      const KEYS: Record<string, string> = {
        'Ensikontakti tai tarve': 'first_contact',
        'First contact or a need': 'first_contact',
        'Soveltuvuuden ja kapasiteetin arviointi': 'suitability',
        'Suitability and capacity check': 'suitability',
        Sopimus: 'agreement',
        'Ohjauskäynnit työpaikalla': 'guidance',
      };
      // By the step's name, checked to be the one the list shows for that step.
      const step = (label: string) => {
        const item = journey.locator(`li[data-step="${KEYS[label]}"]`);
        return item.filter({ has: page.locator('.name', { hasText: new RegExp(`^${label}$`) }) });
      };

      await expect(step('Ensikontakti tai tarve')).toContainText(`Saavutettu ${contactDay}`);
      await expect(step('Ensikontakti tai tarve')).toContainText('Päätelty tiedoista');
      await expect(step('Sopimus')).toContainText(`Saavutettu ${today}`);
      await expect(step('Ohjauskäynnit työpaikalla')).toContainText('Ei vielä saavutettu');
      // The latest reached step carries aria-current, and only it.
      await expect(journey.locator('[aria-current="step"]')).toHaveCount(1);
      await expect(step('Sopimus')).toHaveAttribute('aria-current', 'step');

      // The rule behind a step opens from its own disclosure, by keyboard too.
      const rule = step('Ohjauskäynnit työpaikalla').locator('summary');
      await rule.focus();
      await page.keyboard.press('Enter');
      await expect(step('Ohjauskäynnit työpaikalla')).toContainText('työpaikkakäynti jonkin työpaikalla oppimisen');

      // The suitability check cannot be derived: set by hand, a week ago, with the keyboard.
      const suitability = step('Soveltuvuuden ja kapasiteetin arviointi');
      await expect(suitability).toContainText('Ei pääteltävissä tiedoista');
      await suitability
        .getByRole('button', { name: /^Aseta päivä\s?: Soveltuvuuden ja kapasiteetin arviointi$/ })
        .click();
      const date = suitability.getByLabel('Saavutettu päivänä');
      await expect(date).toBeFocused();
      await expectNoAxeViolations(page, `journey date form (${name})`, 'app-employer-journey');

      // A date ahead is refused at the field, nothing saved.
      await date.fill(helsinkiDateIn(2));
      await page.keyboard.press('Enter');
      await expect(suitability.getByRole('alert')).toHaveText('Päivä ei voi olla tulevaisuudessa.');

      const weekAgo = helsinkiDateIn(-7);
      await date.fill(weekAgo);
      await page.keyboard.press('Enter');
      await expect(journey.getByRole('status')).toContainText(
        `Tallennettu: Soveltuvuuden ja kapasiteetin arviointi ${formatFinnishDate(weekAgo)}.`,
      );
      await expect(suitability).toContainText(`Saavutettu ${formatFinnishDate(weekAgo)}`);
      await expect(suitability).toContainText(`Asetettu käsin: ${manager.displayName}, ${today}`);
      await expect(step('Sopimus')).toHaveAttribute('aria-current', 'step');

      // The change is in the employer's history.
      await expect(page.locator('app-employer-timeline')).toContainText('Työnantajan polku muutettu');

      if (name === 'phone') {
        // A vertical list on a phone: every step starts at the same left edge.
        const lefts = await steps.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().left));
        expect(new Set(lefts).size).toBe(1);
        await expectNoHorizontalScroll(page, 'journey at 390 px');
        await page.setViewportSize({ width: 320, height: 700 });
        await expectNoHorizontalScroll(page, 'journey at 320 px');
      } else {
        // A strip on a desk: several steps side by side.
        const tops = await steps.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
        expect(new Set(tops).size).toBeLessThan(tops.length);
      }
      await expectNoAxeViolations(page, `employer page with the journey (${name})`);
      await saveScreenshot(page, `employer-journey-${name}`);

      // English, with the same facts.
      // On a phone the language buttons wait in the header's menu.
      const banner = page.getByRole('banner');
      if (name === 'phone') await banner.getByRole('button', { name: 'Valikko' }).click();
      await switchLanguage(page, 'en');
      if (name === 'phone') await banner.getByRole('button', { name: 'Menu' }).click();
      await expect(journey.getByRole('region', { name: 'Employer journey' })).toBeVisible();
      await expect(step('Suitability and capacity check')).toContainText(`Reached ${formatFinnishDate(weekAgo)}`);
      await expect(step('Suitability and capacity check')).toContainText(`Set by hand: ${manager.displayName}`);
      await expect(step('First contact or a need')).toContainText('Derived from the data');

      // Cleared again: the step is not reached, as the data cannot tell it.
      await step('Suitability and capacity check')
        .getByRole('button', { name: /^Change date/ })
        .click();
      await step('Suitability and capacity check').getByRole('button', { name: 'Remove the date set by hand' }).click();
      await expect(journey.getByRole('status')).toContainText('Date set by hand removed');
      await expect(step('Suitability and capacity check')).toContainText('Not reached yet');
    });
  });
}
