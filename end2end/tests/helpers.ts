import { expect, Page, Browser, BrowserContextOptions, Locator } from './fixtures';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import AxeBuilder from '@axe-core/playwright';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The demo accounts' authenticator secret (app/src/data/seed.rs), as the README gives it.
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function base32(encoded: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of encoded) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2));
  return Buffer.from(bytes);
}

// RFC 6238: what an authenticator app shows for a 30-second step.
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

// Heard accepts each step's code once per account, and one step ahead for clock drift, so a
// second sign-in within 30 seconds uses the next step's code. Steps used are kept in a file, as
// test files may run in different worker processes.
const usedSteps = join(tmpdir(), 'heard-e2e-totp-steps.json');

async function nextCode(email: string): Promise<string> {
  const used: Record<string, number> = existsSync(usedSteps) ? JSON.parse(readFileSync(usedSteps, 'utf8')) : {};
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, (used[email] ?? -1) + 1);
    if (step <= current + 1) {
      used[email] = step;
      writeFileSync(usedSteps, JSON.stringify(used));
      return totpCode(DEMO_TOTP_SECRET, step);
    }
    await new Promise((wait) => setTimeout(wait, 2_000));
  }
}

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
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('The 6-digit code your app shows, or a recovery code').fill(await nextCode(email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  return page;
}

// A facilitator opens a session of an activity (the demo one unless told); returns their page
// (the session's page) and the join code.
export async function openSession(browser: Browser, place: string, activity = 'What makes a good short break?', signedIn?: Page) {
  const facilitator = signedIn ?? await signIn(browser, 'facilitator@heard.example', 'demo-facilitator-password');
  const card = facilitator.locator('article', { has: facilitator.getByRole('heading', { name: activity, exact: true }) });
  await card.getByText('Open a session', { exact: true }).click();
  await card.getByLabel('Where is the session?').fill(place);
  await card.getByRole('button', { name: 'Open the session' }).click();
  const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return { facilitator, code };
}

// A child joins with the code and, on the demo activity, writes `words` for the written question
// and says "I'd rather not say" to the others; `onWelcome` runs on the welcome screen first.
// Returns the child's page at "How was today?".
export async function childWrites(browser: Browser, code: string, words: string, onWelcome?: (child: Page) => Promise<void>) {
  const child = await (await browser.newContext()).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Start' }).click();
  if (onWelcome) await onWelcome(child);
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await child.getByRole('button', { name: "I'd rather not say" }).click();
  await child.getByRole('textbox').fill(words);
  await child.getByRole('button', { name: 'Next' }).click();
  for (const n of [3, 4, 5]) {
    await expect(child.getByText(`Question ${n} of 5`)).toBeVisible();
    await child.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  return child;
}

// Reads a QR code on the page as a phone camera would: from a picture of it.
export async function readQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code could be read');
  return found.data;
}
