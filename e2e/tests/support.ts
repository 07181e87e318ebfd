import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test';
import {
  addDays,
  type CreateContactPersonRequest,
  type CreateEmployerRequest,
  type CreateFollowUpRequest,
  type CreateOpportunityRequest,
  type CreateUserRequest,
  helsinkiDate,
  type Locale,
  type OpportunityStage,
  type Role,
} from '@tyoelama/shared';
import { ADMIN, E2E_PORT } from '../playwright.config';

export { ADMIN };
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const PASSWORD = 'e2e-user-password-123';

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^(Sähköposti|Email)/).fill(email);
  await page.getByLabel(/^(Salasana|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Kirjaudu|Sign in)$/ }).click();
  // On a phone sign-out waits in the folded menu: present, not necessarily visible.
  await expect(page.getByRole('button', { name: /Kirjaudu ulos|Sign out/, includeHidden: true })).toBeAttached();
}

/** Switches the UI language with the header buttons and waits for it to apply. */
export async function switchLanguage(page: Page, lang: Locale): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}\\b`) }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules: zero violations expected. */
export async function expectNoAxeViolations(page: Page, context = '', include?: string): Promise<void> {
  // Material shows a new snack bar's text and button under aria-hidden for its first 150 ms, then
  // moves them into the live region; a fast machine would otherwise check inside that window.
  await expect(page.locator('.mat-mdc-snack-bar-label > [aria-hidden="true"] button')).toHaveCount(0);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join(' | ')}`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Saves a full-page screenshot as e2e/screenshots/<name>.png (gitignored), for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const folder = join(__dirname, '..', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** At 200 % zoom on a 1280 px screen (640 CSS px) the page reflows: no horizontal scrolling (WCAG 1.4.10). */
export async function expectNoHorizontalScroll(page: Page, context = ''): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.scrollingElement!;
    // The widest element that sticks out, to make a failure easy to fix.
    let widest = '';
    let right = root.clientWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.right <= right + 1 || clipped(element)) continue;
      if (box.right > right + 1 && box.width > 0) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} (${Math.round(box.right)}px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  expect(scrollWidth, `horizontal scrolling ${context}: ${widest}`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Picks an option of a select: an Angular Material one (a combobox with a listbox overlay) or a
 * native one (the lists' filters).
 */
export async function pickOption(
  scope: Page | Locator,
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  const field = scope.getByRole('combobox', { name: label });
  if (await field.evaluate((element) => element instanceof HTMLSelectElement)) {
    const text =
      typeof option === 'string'
        ? option
        : await field.locator('option').filter({ hasText: option }).first().innerText();
    await field.selectOption({ label: text.trim() });
    return;
  }
  // By keyboard: also proves the select opens without a pointer (and a floating label never blocks it).
  await field.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** An API client signed in as the given user, for arranging data fast (the UI is tested elsewhere). */
export async function apiAs(email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL });
  await api.get('/api/health');
  const response = await api.post('/api/auth/login', { data: { email, password }, headers: await xsrfHeader(api) });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

export async function xsrfHeader(api: APIRequestContext): Promise<Record<string, string>> {
  const xsrf = (await api.storageState()).cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  return { 'X-XSRF-TOKEN': xsrf };
}

// One signed-in admin client per worker: arranging data costs one sign-in, not one per record.
let adminApi: Promise<APIRequestContext> | undefined;
function admin(): Promise<APIRequestContext> {
  adminApi ??= apiAs(ADMIN.email, ADMIN.password);
  return adminApi;
}

/** POSTs as the admin and returns the created record. */
export async function adminPost<T = { id: number }>(url: string, data: unknown): Promise<T> {
  const api = await admin();
  const response = await api.post(url, { data, headers: await xsrfHeader(api) });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}

let counter = 0;
/** A unique suffix so journeys never collide on names or emails. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Creates a user through the API as the admin. */
export async function arrangeUser(
  role: Role,
  campusGroupIds: number[] = [],
  displayName = `E2E ${role.replace('_', ' ')}`,
): Promise<{ id: number; email: string; displayName: string }> {
  const email = `${unique(role)}@example.fi`.toLowerCase().replace('_', '-');
  const user: CreateUserRequest = { email, displayName, role, password: PASSWORD, campusGroupIds };
  const { id } = await adminPost('/api/users', user);
  return { id, email, displayName };
}

export async function arrangeCampusGroup(name = unique('Ryhmä')): Promise<{ id: number; name: string }> {
  const { id } = await adminPost('/api/campus-groups', { name, campus: 'Hervanta' });
  return { id, name };
}

/** A fresh valid Y-tunnus (checksum computed like PRH does), unique enough for one run. */
export function newBusinessId(): string {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (;;) {
    const digits = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const remainder =
      digits.split('').reduce((sum, digit, index) => sum + Number(digit) * (weights[index] ?? 0), 0) % 11;
    if (remainder === 1) continue;
    return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}

/** Creates an employer through the API (as the admin) for journeys that are not about creating one. */
export async function arrangeEmployer(
  name: string,
  ownerCampusGroupId: number,
  extra: Partial<CreateEmployerRequest> = {},
): Promise<{ id: number; name: string }> {
  const employer: CreateEmployerRequest = {
    name,
    ownerCampusGroupId,
    businessId: newBusinessId(),
    municipality: 'Tampere',
    ...extra,
  };
  const { id } = await adminPost('/api/employers', employer);
  return { id, name };
}

export interface ManagedEmployer {
  group: { id: number; name: string };
  manager: { id: number; email: string; displayName: string };
  employer: { id: number; name: string };
}

/**
 * Where most journeys start: a fresh campus group, an account manager in it and an employer the
 * group owns; with `accountManaged` that manager is also the employer's account manager.
 */
export async function arrangeManagedEmployer(
  employerName: string,
  options: {
    groupName?: string;
    managerName?: string;
    accountManaged?: boolean;
    employer?: Partial<CreateEmployerRequest>;
  } = {},
): Promise<ManagedEmployer> {
  const group = await arrangeCampusGroup(options.groupName);
  const manager = await arrangeUser('account_manager', [group.id], options.managerName);
  const employer = await arrangeEmployer(employerName, group.id, {
    ...(options.accountManaged ? { accountManagerId: manager.id } : {}),
    ...options.employer,
  });
  return { group, manager, employer };
}

export async function arrangeOpportunity(
  employerId: number,
  title: string,
  stage: OpportunityStage = 'identified',
  expectedPlaces = 3,
): Promise<number> {
  const opportunity: CreateOpportunityRequest = {
    employerId,
    title,
    type: 'training_agreement',
    expectedPlaces,
    stage,
  };
  const { id } = await adminPost('/api/opportunities', opportunity);
  return id;
}

export async function arrangeContactPerson(
  employerId: number,
  name: string,
  extra: Partial<CreateContactPersonRequest> = {},
): Promise<number> {
  const person: CreateContactPersonRequest = { name, title: 'HR-päällikkö', roles: ['hr'], ...extra };
  const { id } = await adminPost(`/api/employers/${employerId}/contacts`, person);
  return id;
}

/** The journeys that must work on a desk and on a phone run at both of these sizes. */
export const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/**
 * The Helsinki date (`YYYY-MM-DD`) `days` calendar days from today, as the app counts them ("Huomenna",
 * "this week"): not the date `days` × 24 h from now, which near midnight on a DST week is a day off.
 */
export function helsinkiDateIn(days: number): string {
  return addDays(helsinkiDate(), days);
}

/** An open follow-up (due in `days` days, Helsinki date) assigned to the given user. */
export async function arrangeFollowUp(
  employerId: number,
  title: string,
  assigneeId: number,
  days = 3,
): Promise<number> {
  const followUp: CreateFollowUpRequest = { employerId, title, dueDate: helsinkiDateIn(days), assigneeId };
  const { id } = await adminPost('/api/follow-ups', followUp);
  return id;
}

/** The element that has keyboard focus, described by role-ish facts, for keyboard assertions. */
export async function focusedElement(
  page: Page,
): Promise<{ tag: string; text: string; label: string | null; outline: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.innerText ?? element?.textContent ?? '').trim(),
      label: element?.getAttribute('aria-label') ?? null,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}` : '',
    };
  });
}

/** Asserts the focused element shows a visible focus indicator (an outline or a box shadow). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const visible = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const candidates = [
      element,
      element.closest<HTMLElement>(
        '.mat-mdc-form-field, .mat-mdc-button-base, .mdc-checkbox, mat-chip-option, .mat-button-toggle',
      ),
    ];
    return candidates.some((candidate) => {
      if (!candidate) return false;
      const style = getComputedStyle(candidate);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      const focusRing = !!candidate.querySelector(
        '.mat-focus-indicator, .mat-button-toggle-focus-overlay, .mdc-line-ripple--active, .mdc-notched-outline',
      );
      return outline || shadow || focusRing;
    });
  });
  expect(visible, 'the focused element has a visible focus indicator').toBe(true);
}

/** Tabs until the focused element matches `name` (accessible text), failing after `max` presses. */
export async function tabTo(page: Page, name: RegExp, max = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const focused = await focusedElement(page);
    if (name.test(focused.label ?? '') || name.test(focused.text)) return;
  }
  throw new Error(`${name} was not reached with ${max} × ${key}`);
}

/** Navigates inside the single-page app (no reload): the router follows a history change. */
export async function openRoute(page: Page, path: string): Promise<void> {
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  // (/campus-status opens the member's own group: /campus-status/<id>.)
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}(/\\d+)?$`));
  // The page has rendered: one h1, and nothing still loading.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(
    page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /Ladataan|Loading/ }),
  ).toHaveCount(0);
}

export interface World {
  groupId: number;
  employerId: number;
  employerName: string;
}

/** A small, full world: an employer with a contact person, an opportunity and a follow-up per user. */
export async function arrangeWorld(): Promise<World> {
  const group = await arrangeCampusGroup(unique('Saavutettavuus-ryhmä'));
  // A long Finnish compound name, to catch truncation and overflow.
  const employer = await arrangeEmployer(unique('Keski-Pirkanmaan Ammattikorkeakoulutuskuntayhtymä Oy'), group.id, {
    status: 'partner',
    tags: ['sosiaali- ja terveysala'],
  });
  // Email and phone links, for the label-in-name rule (WCAG 2.5.3).
  await arrangeContactPerson(employer.id, 'Maija Mallikas', {
    email: 'maija.mallikas@example.fi',
    phone: '040 123 4567',
  });
  await arrangeOpportunity(
    employer.id,
    unique('Lähihoitajaopiskelijoiden työpaikalla järjestettävä koulutus'),
    'negotiating',
    12,
  );
  return { groupId: group.id, employerId: employer.id, employerName: employer.name };
}
