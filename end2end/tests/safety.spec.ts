import { test, expect } from './fixtures';
import { childWrites, expectAccessible, openSession, signIn } from './helpers';

// A child on a question with a chosen way of answering (its address has a query).
async function childAtTheLastQuestion(browser: import('@playwright/test').Browser, code: string) {
  const child = await (await browser.newContext()).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  for (const n of [1, 2, 3, 4]) {
    await expect(child.getByText(`Question ${n} of 5`)).toBeVisible();
    await child.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  return child;
}

test('bigger text on a page whose address has a query keeps the child where they were', async ({ browser }) => {
  const { code } = await openSession(browser, 'Library, display options');
  const child = await childAtTheLastQuestion(browser, code);
  await child.getByRole('link', { name: 'Write it' }).click();
  await expect(child).toHaveURL(/\?way=text$/);
  const here = child.url();

  await child.getByRole('button', { name: 'Bigger text' }).click();
  await expect(child.locator('body')).toHaveClass(/large-text/);
  expect(child.url()).toBe(here);
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  await expect(child.getByRole('textbox')).toBeVisible();

  await child.getByRole('button', { name: 'High contrast' }).click();
  await expect(child.locator('body')).toHaveClass(/high-contrast/);
  expect(child.url()).toBe(here);
  await expectAccessible(child);
});

test('a photo over the size limit is refused on the tablet and never sent, not even once', async ({ browser }) => {
  const { code } = await openSession(browser, 'Library, large photo');
  const child = await childAtTheLastQuestion(browser, code);
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const uploads: string[] = [];
  child.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/media')) uploads.push(request.url());
  });

  // 13 MB, over the 12 MB limit: a JPEG's first bytes, then filler.
  const big = Buffer.alloc(13 * 1024 * 1024);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  await child.getByLabel(/Take or choose a photo/).setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
  await child.getByRole('button', { name: 'Send' }).click();
  await expect(child.getByRole('alert')).toContainText('too big to send');
  await child.waitForTimeout(1_000);
  expect(uploads).toEqual([]);
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
});

test('faces and icons are pictures Heard ships, not emoji the tablet may not have', async ({ browser }) => {
  const { code } = await openSession(browser, 'Library, faces');
  const child = await (await browser.newContext()).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(child.getByText('Question 1 of 5')).toBeVisible();
  const faces = child.locator('img.face');
  await expect(faces.first()).toBeVisible();
  const drawn = await faces.evaluateAll((images) =>
    images.map((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0));
  expect(drawn.length).toBeGreaterThanOrEqual(3);
  expect(drawn.every(Boolean)).toBe(true);
  // No emoji characters left in the child's page.
  const text = await child.locator('main').innerText();
  expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{1F198}]/u);

  // The public board has "I'm worried" too.
  await child.goto('/board');
  await expect(child.getByRole('link', { name: "I'm worried" })).toBeVisible();
});

test('a wrong join code stays in the box to be corrected, with a reason', async ({ browser }) => {
  const { code } = await openSession(browser, 'Library, join code');
  const child = await (await browser.newContext()).newPage();
  await child.goto('/');
  const mistyped = code.slice(0, 8) + (code.endsWith('Z') ? 'Y' : 'Z');
  await child.getByLabel('Type the code your helper gives you').fill(mistyped.toLowerCase());
  await child.getByRole('button', { name: 'Start' }).click();
  await expect(child.getByRole('alert')).toContainText('could not find that code');
  await expect(child.getByLabel('Type the code your helper gives you')).toHaveValue(mistyped);
  await expectAccessible(child);
  // One letter put right, and the child is in.
  await child.getByLabel('Type the code your helper gives you').fill(code);
  await child.getByRole('button', { name: 'Start' }).click();
  await expect(child.getByRole('button', { name: "Yes, let's start" })).toBeVisible();
});

test('the join page and the thank-you page with the receipt code are read aloud', async ({ browser }) => {
  const { code } = await openSession(browser, 'Library, read aloud');
  const child = await (await browser.newContext()).newPage();
  await child.addInitScript(() => {
    (window as any).__spoken = [];
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => { (window as any).__spoken.push(u.text); };
  });
  await child.goto('/');
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await child.getByRole('button', { name: 'Read this page aloud' }).click();
  const onJoin: string[] = await child.evaluate(() => (window as any).__spoken);
  expect(onJoin.some((s) => s.includes('Type the code your helper gives you'))).toBe(true);
  await child.getByLabel('Type the code your helper gives you').fill(code);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  for (const n of [1, 2, 3, 4, 5]) {
    await expect(child.getByText(`Question ${n} of 5`)).toBeVisible();
    await child.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await child.getByRole('link', { name: 'Skip' }).click();
  await expect(child.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await child.getByRole('button', { name: 'Read this page aloud' }).click();
  const spoken: string[] = await child.evaluate(() => (window as any).__spoken);
  const thanks = spoken.find((s) => s.startsWith('Thank you!'))!;
  expect(thanks).toContain('Your receipt code is');
  // Spelled out a character at a time, so it is not read as a word.
  expect(thanks).toContain(receipt.split('').map((c) => (c === '-' ? 'dash' : c)).join(', '));
});

test('each filter on the evidence dashboard and the search has its label right above its own menu', async ({ browser }) => {
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password',
    { viewport: { width: 1280, height: 900 } });
  for (const path of ['/staff/evidence', '/staff/contributions']) {
    await commissioner.goto(path);
    const fields = commissioner.locator('form.filter .field');
    expect(await fields.count()).toBeGreaterThanOrEqual(5);
    for (const field of await fields.all()) {
      const label = field.locator('label');
      const control = field.locator('select, input');
      const [labelBox, controlBox] = [await label.boundingBox(), await control.boundingBox()];
      // The label names this control, and sits directly over it in the same column.
      expect(await control.getAttribute('id')).toBe(await label.getAttribute('for'));
      expect(Math.abs(labelBox!.x - controlBox!.x)).toBeLessThan(2);
      expect(controlBox!.y - (labelBox!.y + labelBox!.height)).toBeGreaterThanOrEqual(0);
      expect(controlBox!.y - (labelBox!.y + labelBox!.height)).toBeLessThan(12);
    }
  }
});

test('the live view shows answers that arrived before it was listening', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Library, live view');
  // Hold the live stream back, as slow hydration or a dropped connection would.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await facilitator.route('**/live', async (route) => { await held; await route.continue(); });
  await facilitator.reload();
  await expect(facilitator.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  // A child answers while the page is not yet listening, and nothing else happens afterwards.
  await childWrites(browser, code, 'Said while nobody was listening');
  await expect(facilitator.getByText('Said while nobody was listening')).toHaveCount(0);
  release();
  await expect(facilitator.getByText('Said while nobody was listening').first()).toBeVisible({ timeout: 10_000 });
});

test('one very long word does not make staff pages wider than the screen', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Library, long word');
  await facilitator.setViewportSize({ width: 1280, height: 900 });
  await childWrites(browser, code, 'a'.repeat(2000));
  await facilitator.reload();
  await expect(facilitator.getByText('a'.repeat(50), { exact: false }).first()).toBeVisible();
  const overflow = () => facilitator.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(1);
  // The contribution search shows it in a table.
  await facilitator.goto('/staff/contributions');
  await expect(facilitator.getByText('a'.repeat(50), { exact: false }).first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(1);
});
