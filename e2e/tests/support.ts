import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { ADMIN, E2E_PORT } from '../playwright.config';

export { ADMIN };
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const PASSWORD = 'e2e-user-password-123';

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Sähköposti|Email/).fill(email);
  await page.getByLabel(/Salasana|Password/).fill(password);
  await page.getByRole('button', { name: /Kirjaudu sisään|Sign in/ }).click();
  await expect(page.getByRole('button', { name: /Kirjaudu ulos|Sign out/ })).toBeVisible();
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules: zero violations expected. */
export async function expectNoAxeViolations(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/** An API client signed in as the given user, for arranging data fast (the UI is tested elsewhere). */
export async function apiAs(email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL });
  await api.get('/api/health');
  const xsrf = (await api.storageState()).cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await api.post('/api/auth/login', { data: { email, password }, headers: { 'X-XSRF-TOKEN': xsrf } });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

export async function xsrfHeader(api: APIRequestContext): Promise<Record<string, string>> {
  const xsrf = (await api.storageState()).cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  return { 'X-XSRF-TOKEN': xsrf };
}

let counter = 0;
/** A unique suffix so journeys never collide on names or emails. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Creates a campus group and a user through the API as the admin. */
export async function arrangeUser(
  role: 'admin' | 'account_manager' | 'campus_member' | 'leadership',
  campusGroupIds: number[] = [],
): Promise<{ id: number; email: string }> {
  const admin = await apiAs(ADMIN.email, ADMIN.password);
  const email = `${unique(role)}@example.fi`.toLowerCase();
  const response = await admin.post('/api/users', {
    data: { email, displayName: `E2E ${role.replace('_', ' ')}`, role, password: PASSWORD, campusGroupIds },
    headers: await xsrfHeader(admin),
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: number };
  await admin.dispose();
  return { id, email };
}

export async function arrangeCampusGroup(name = unique('Ryhmä')): Promise<{ id: number; name: string }> {
  const admin = await apiAs(ADMIN.email, ADMIN.password);
  const response = await admin.post('/api/campus-groups', { data: { name, campus: 'Hervanta' }, headers: await xsrfHeader(admin) });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: number };
  await admin.dispose();
  return { id, name };
}
