import { expect, type Page, test } from '@playwright/test';
import { LOCALES, type Locale, type Role } from '@tyoelama/shared';
import {
  ADMIN,
  arrangeFollowUp,
  arrangeUser,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openRoute,
  arrangeWorld,
  type World,
  PASSWORD,
  saveScreenshot,
  signIn,
  switchLanguage,
  unique,
} from './support';

/** Opens the log-contact dialog from the employer's page (the dialog of most fields). */
async function openLogContactDialog(page: Page, employerId: number): Promise<void> {
  await openRoute(page, `/employers/${employerId}`);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^(Kirjaa yhteydenotto|Log contact)$/ })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

/** An employer's list and one employer's page: every role reads them. */
const employerPages = (w: World) => ['/employers', `/employers/${w.employerId}`];
/** The pipeline and the reports, also read by every role. */
const reportPages = ['/pipeline', '/dashboard', '/campus-status'];

const ROUTES: Record<Role, (world: World, ids: { userId: number }) => string[]> = {
  admin: (w, { userId }) => [
    '/',
    '/employers',
    '/employers/new',
    `/employers/${w.employerId}`,
    '/my-work',
    ...reportPages,
    '/import',
    '/users',
    '/users/new',
    `/users/${userId}`,
    '/campus-groups',
    '/campus-groups/new',
    `/campus-groups/${w.groupId}`,
    '/settings/calendar',
    '/accessibility',
  ],
  account_manager: (w) => [
    '/',
    ...employerPages(w),
    '/my-work',
    ...reportPages,
    '/import',
    '/users',
    '/campus-groups',
    '/settings/calendar',
  ],
  campus_member: (w) => ['/', ...employerPages(w), '/my-work', ...reportPages, '/settings/calendar', '/no-such-page'],
  leadership: (w) => ['/', ...employerPages(w), ...reportPages, '/users', '/campus-groups', '/import'],
};

for (const role of ['admin', 'account_manager', 'campus_member', 'leadership'] as const) {
  test(`every page has 0 axe violations, a title, one h1 and the landmarks, in both languages: ${role}`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const world = await arrangeWorld();
    const user = await arrangeUser(role, [world.groupId], `Testi ${role}`);
    if (role !== 'leadership')
      await arrangeFollowUp(world.employerId, unique('Soita ohjaajalle'), user.id, role === 'admin' ? 0 : 2);
    if (role === 'admin') {
      await signIn(page, ADMIN.email, ADMIN.password);
    } else {
      await signIn(page, user.email, PASSWORD);
    }
    const paths = ROUTES[role](world, { userId: user.id });
    const titles = new Map<string, string>();
    for (const lang of LOCALES) {
      if (lang === 'en') await switchLanguage(page, 'en');
      for (const path of paths) {
        await openRoute(page, path);
        const title = await page.title();
        expect(title, `title of ${path}`).toMatch(/^.+ – Työelämä CRM$/);
        if (lang === 'en')
          expect(title, `English title of ${path} differs from the Finnish one`).not.toBe(titles.get(path));
        else titles.set(path, title);
        await expect(page.getByRole('banner')).toHaveCount(1);
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('contentinfo')).toHaveCount(1);
        await expectNoAxeViolations(page, `${role} ${lang} ${path}`);
      }
    }
    await switchLanguage(page, 'fi');
  });
}

test('dialogs have 0 axe violations in both languages, take focus and give it back', async ({ page }) => {
  test.setTimeout(240_000);
  const world = await arrangeWorld();
  const manager = await arrangeUser('account_manager', [world.groupId]);
  await signIn(page, manager.email);
  await openRoute(page, `/employers/${world.employerId}`);
  const dialogs: { in: 'main' | 'banner'; open: RegExp; name: Record<Locale, string | RegExp> }[] = [
    {
      in: 'main',
      open: /^(Kirjaa yhteydenotto|Log contact)$/,
      name: { fi: 'Kirjaa yhteydenotto', en: 'Log a contact' },
    },
    {
      in: 'banner',
      open: /^(Kirjaa yhteydenotto|Log contact)$/,
      name: { fi: 'Kirjaa yhteydenotto', en: 'Log a contact' },
    },
    {
      in: 'main',
      open: /^(Lisää yhteyshenkilö|Add contact person)$/,
      name: { fi: 'Uusi yhteyshenkilö', en: /New contact person/ },
    },
    {
      in: 'main',
      open: /^(Arkistoi|Archive)$/,
      name: { fi: 'Arkistoidaanko työnantaja?', en: /Archive this employer\?/ },
    },
    { in: 'banner', open: /^(Haku|Search)$/, name: { fi: /Haku/, en: /Search/ } },
  ];
  for (const lang of LOCALES) {
    if (lang === 'en') await switchLanguage(page, 'en');
    for (const { in: landmark, open, name } of dialogs) {
      const trigger = page.getByRole(landmark).getByRole('button', { name: open });
      await trigger.click();
      const dialog = page.getByRole('dialog', { name: name[lang] });
      await expect(dialog).toBeVisible();
      await expect
        .poll(() => dialog.evaluate((element) => element.contains(document.activeElement)), {
          message: `focus inside ${String(name[lang])}`,
        })
        .toBe(true);
      await expectNoAxeViolations(page, `${lang} dialog ${String(name[lang])}`);
      // Escape closes open suggestions of the log-contact dialog's employer picker first, and the
      // next one the dialog; the suggestions can open at any moment once they have loaded. So Escape
      // until the dialog is gone (no suggestions open: the first one does it).
      await expect(async () => {
        if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
        if (await dialog.count()) await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0, { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expect(trigger, `focus back on the trigger of ${String(name[lang])}`).toBeFocused();
    }
    await openRoute(page, '/pipeline');
    await page.getByRole('button', { name: /^(Uusi mahdollisuus|New opportunity)$/ }).click();
    const opportunity = page.getByRole('dialog');
    await expect(opportunity).toBeVisible();
    await expectNoAxeViolations(page, `${lang} new opportunity dialog`);
    await page.keyboard.press('Escape');
    await expect(opportunity).toHaveCount(0);
    await openRoute(page, `/employers/${world.employerId}`);
  }
  await switchLanguage(page, 'fi');
});

test('at 200 % zoom (1280 px screen) pages reflow without horizontal scrolling', async ({ browser }) => {
  test.setTimeout(240_000);
  const world = await arrangeWorld();
  const manager = await arrangeUser('account_manager', [world.groupId], 'Testi Asiakaspäällikkö');
  await arrangeFollowUp(world.employerId, 'Soita ohjaajalle', manager.id, 1);
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page, manager.email);
  const paths = [
    '/',
    '/employers',
    `/employers/${world.employerId}`,
    '/employers/new',
    '/my-work',
    '/pipeline',
    '/dashboard',
    '/campus-status',
    '/import',
    '/settings/calendar',
    '/accessibility',
  ];
  for (const lang of LOCALES) {
    if (lang === 'en') await switchLanguage(page, 'en');
    for (const path of paths) {
      await openRoute(page, path);
      await expectNoHorizontalScroll(page, `${lang} ${path}`);
    }
    await openLogContactDialog(page, world.employerId);
    await expectNoHorizontalScroll(page, `${lang} log contact dialog`);
    await page.keyboard.press('Escape');
  }
  await switchLanguage(page, 'fi');
  await context.close();
});

test('screenshots of the main pages in both languages (e2e/screenshots/<page>-<lang>.png)', async ({ page }) => {
  test.setTimeout(240_000);
  const world = await arrangeWorld();
  const manager = await arrangeUser('account_manager', [world.groupId], 'Testi Asiakaspäällikkö');
  await arrangeFollowUp(world.employerId, 'Soita työpaikkaohjaajalle perehdytyksestä', manager.id, 0);
  await arrangeFollowUp(world.employerId, 'Lähetä koulutussopimusluonnos', manager.id, 3);
  for (const lang of LOCALES) {
    await page.goto('/login');
    if (lang === 'en') await switchLanguage(page, 'en');
    await saveScreenshot(page, `login-${lang}`);
    await openRoute(page, '/accessibility');
    await saveScreenshot(page, `accessibility-${lang}`);
  }
  await switchLanguage(page, 'fi');
  await signIn(page, manager.email);
  const pages: [string, string][] = [
    ['home', '/'],
    ['employers', '/employers'],
    ['employer', `/employers/${world.employerId}`],
    ['employer-new', '/employers/new'],
    ['my-work', '/my-work'],
    ['pipeline', '/pipeline'],
    ['dashboard', '/dashboard'],
    ['campus-status', '/campus-status'],
    ['import', '/import'],
    ['calendar', '/settings/calendar'],
  ];
  for (const lang of LOCALES) {
    if (lang === 'en') await switchLanguage(page, 'en');
    for (const [name, path] of pages) {
      await openRoute(page, path);
      await saveScreenshot(page, `${name}-${lang}`);
    }
    await openLogContactDialog(page, world.employerId);
    await saveScreenshot(page, `log-contact-dialog-${lang}`);
    await page.keyboard.press('Escape');
  }
  await switchLanguage(page, 'fi');
});
