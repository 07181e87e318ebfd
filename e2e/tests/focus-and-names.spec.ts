import { expect, type Page, test } from '@playwright/test';
import {
  arrangeContactPerson,
  arrangeFollowUp,
  arrangeManagedEmployer,
  arrangeOpportunity,
  expectNoAxeViolations,
  PASSWORD,
  signIn,
  unique,
} from './support';

interface FocusRing {
  control: string;
  problem: string | null;
}

/**
 * The focus ring of the focused control: an outline of at least 2 px on the control or the shape
 * around it, with at least 3:1 contrast against each colour it touches (WCAG 1.4.11): the
 * background it is drawn on and, when it is not set off from the control, the control's own fill.
 */
async function focusRing(page: Page): Promise<FocusRing> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (colour: string): Rgba => {
      const parts = colour.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as Rgba;
    };
    // The colour an element's box shows: its own background over its ancestors' (white at the root).
    const shownBackground = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, top) => over(top, below), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (a: Rgba, b: Rgba): number => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };

    const focused = document.activeElement as HTMLElement;
    const control = `${focused.tagName.toLowerCase()}${focused.getAttribute('role') ? `[role=${focused.getAttribute('role')}]` : ''} "${(focused.getAttribute('aria-label') ?? focused.innerText ?? '').trim().slice(0, 40)}"`;
    const candidates: Element[] = [focused, ...Array.from(focused.parentElement?.children ?? [])];
    for (let node = focused.parentElement, depth = 0; node && depth < 5; node = node.parentElement, depth += 1) {
      candidates.push(node);
    }
    const ringed = candidates.find((element) => {
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    });
    if (!ringed) return { control, problem: 'no outline of 2 px or more' };
    const style = getComputedStyle(ringed);
    const ring = over(parse(style.outlineColor), shownBackground(ringed.parentElement));
    const offset = parseFloat(style.outlineOffset);
    // An inset ring is drawn on the control; an outer one on what is around it.
    const background = shownBackground(offset < 0 ? ringed : ringed.parentElement);
    const touched: [string, Rgba][] = [['background', background]];
    if (offset < 2) touched.push(['control', shownBackground(ringed)]);
    const low = touched.filter(([, colour]) => contrast(ring, colour) < 3);
    const rgb = (colour: Rgba) => `rgb(${colour.slice(0, 3).map(Math.round).join(' ')})`;
    return {
      control,
      problem: low.length
        ? low
            .map(
              ([what, colour]) => `${contrast(ring, colour).toFixed(2)}:1, ${rgb(ring)} on the ${what} ${rgb(colour)}`,
            )
            .join(', ')
        : null,
    };
  });
}

/** Tabs through the first `presses` stops of the page and lists each control whose focus ring falls short. */
async function weakFocusRings(page: Page, presses: number): Promise<string[]> {
  const weak: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    const isControl = await page.evaluate(
      () => document.activeElement !== document.body && document.activeElement?.getAttribute('tabindex') !== '-1',
    );
    if (!isControl) continue;
    const { control, problem } = await focusRing(page);
    if (problem) weak.push(`${control}: ${problem}`);
  }
  return weak;
}

test('every control shows a focus ring with at least 3:1 contrast', async ({ page }) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Fokusrengas Oy'), {
    employer: { status: 'partner' },
  });
  await arrangeContactPerson(employer.id, 'Riitta Rengas', { email: 'riitta@example.fi', phone: '040 765 4321' });
  await arrangeFollowUp(employer.id, unique('Soita'), manager.id, -2);
  await arrangeOpportunity(employer.id, unique('Kesäharjoittelu'), 'negotiating');

  await signIn(page, manager.email);
  // The list's search, filters, sort headers and links; the employer page's buttons and contact
  // links; the dashboard's selects; the pipeline's cards.
  for (const path of ['/employers', `/employers/${employer.id}`, '/dashboard', '/pipeline']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await weakFocusRings(page, 30), path).toEqual([]);
  }

  // The highlighted option of an open Material select, where focus stays in the field (the lists'
  // filters are native selects, drawn by the browser; the forms' selects are Material ones).
  await page.goto('/employers/new');
  await page.getByRole('combobox', { name: /^Tila/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  const active = page.locator('.mat-mdc-option-active');
  await expect(active).toHaveCount(1);
  const activeRing = await active.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(activeRing.style).toBe('solid');
  expect(activeRing.width).toBeGreaterThanOrEqual(2);
});

test('email and phone links are named by their visible text (WCAG 2.5.3)', async ({ page }) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Nimilappu Oy'));
  await arrangeContactPerson(employer.id, 'Kalle Kontakti', { email: 'kalle@nimilappu.fi', phone: '+358 40 111 2222' });

  await signIn(page, manager.email);
  await page.goto(`/employers/${employer.id}`);
  await expect(page.getByRole('link', { name: 'kalle@nimilappu.fi (sähköposti, Kalle Kontakti)' })).toHaveAttribute(
    'href',
    'mailto:kalle@nimilappu.fi',
  );
  await expect(page.getByRole('link', { name: '+358 40 111 2222 (puhelin, Kalle Kontakti)' })).toHaveAttribute(
    'href',
    'tel:+358401112222',
  );
  // axe's label-content-name-mismatch rule (WCAG 2.5.3) is among the rules run.
  await expectNoAxeViolations(page, 'employer page with contact links');
});

test('an ended session sends you to sign in, says why, and brings you back afterwards', async ({ page }) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Istunto Oy'));

  await signIn(page, manager.email);
  await page.goto(`/employers/${employer.id}`);
  await expect(page.getByRole('heading', { level: 1, name: employer.name })).toBeVisible();
  // The session ends on the server (as after the idle limit or a password change elsewhere).
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  expect((await page.request.post('/api/auth/logout', { headers: { 'X-XSRF-TOKEN': xsrf } })).status()).toBe(204);

  // The next thing the page asks the API for gets 401.
  await page.getByRole('navigation').getByRole('link', { name: 'Työnantajat' }).click();
  await expect(page).toHaveURL(/\/login\?.*reason=expired/);
  await expect(page.getByRole('alert')).toHaveText(/Istuntosi päättyi/);
  await expectNoAxeViolations(page, 'login after an ended session');

  await page.getByLabel(/^Sähköposti/).fill(manager.email);
  await page.getByLabel(/^Salasana/).fill(PASSWORD);
  await page.getByRole('button', { name: /^Kirjaudu$/ }).click();
  await expect(page).toHaveURL(/\/employers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Työnantajat' })).toBeVisible();
});

test('lists, employer pages and the dashboard show placeholder shapes while loading, still for reduced motion', async ({
  page,
}) => {
  const { manager, employer } = await arrangeManagedEmployer(unique('Luuranko Oy'));
  await signIn(page, manager.email);

  // Each API answer is held back until the placeholder has been looked at.
  for (const [path, api, reducedMotion] of [
    ['/employers', /\/api\/employers\?/, 'no-preference'],
    [`/employers/${employer.id}`, new RegExp(`/api/employers/${employer.id}$`), 'reduce'],
    ['/dashboard', /\/api\/pipeline\/summary/, 'reduce'],
  ] as const) {
    await page.emulateMedia({ reducedMotion });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(api, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(path);
    const skeleton = page.locator('app-skeleton');
    await expect(skeleton).toBeVisible();
    await expect(page.locator('[aria-busy=true]')).toHaveCount(1);
    // Screen readers get the word; the shapes are hidden from them.
    await expect(skeleton.locator('.visually-hidden')).toHaveText(/Ladataan/);
    await expect(skeleton.locator('.shapes')).toHaveAttribute('aria-hidden', 'true');
    const animation = await skeleton
      .locator('.bone')
      .first()
      .evaluate((bone) => getComputedStyle(bone).animationName);
    if (reducedMotion === 'reduce') expect(animation, path).toBe('none');
    else expect(animation, path).not.toBe('none');
    release();
    await expect(skeleton).toHaveCount(0);
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
    await page.unroute(api);
  }
});
