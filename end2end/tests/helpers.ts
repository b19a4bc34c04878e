import { expect, Page, Browser, BrowserContextOptions } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every page a child sees must pass axe with no violations.
// axe runs inside the page, so pages seen with JavaScript off are checked again with it on.
export async function expectAccessible(page: Page, checker?: Page) {
  if (checker) {
    await checker.goto(page.url());
    page = checker;
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
}

export async function signIn(browser: Browser, email: string, password: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  return page;
}

// A facilitator opens a session; returns their page (the session's page) and the join code.
export async function openSession(browser: Browser, place: string) {
  const facilitator = await signIn(browser, 'facilitator@heard.example', 'demo-facilitator-password');
  await facilitator.getByLabel('Where is the session?').fill(place);
  await facilitator.getByRole('button', { name: 'Open a session' }).click();
  const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  return { facilitator, code };
}
