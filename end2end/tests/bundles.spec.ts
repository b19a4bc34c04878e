import { test, expect, type Page } from './fixtures';

// What a tablet downloads to make a page work: the child's turn has its own bundle, without the
// staff pages' or the receipt pages' code; a receipt page brings its own, and a staff page the
// whole one.
test("a child's turn brings only its own code; the receipt and staff pages bring theirs", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const wasm: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });
  const hydrated = (page: Page) =>
    expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });

  await page.goto('/');
  await hydrated(page);
  expect(wasm).toHaveLength(1);
  const child = wasm[0];

  // The turn's router knows neither the receipt pages nor the staff pages: each link loads the
  // page anew, with its own code.
  await page.getByRole('link', { name: /I have a receipt code/ }).click();
  await expect(page).toHaveURL(/\/receipt$/);
  await hydrated(page);
  expect(wasm).toHaveLength(2);
  const receipt = wasm[1];
  expect(receipt).not.toBe(child);

  await page.goto('/');
  await hydrated(page);
  await page.getByRole('link', { name: 'Staff sign in' }).click();
  await expect(page).toHaveURL(/\/staff/);
  await hydrated(page);
  const staff = wasm[wasm.length - 1];
  expect([child, receipt]).not.toContain(staff);

  const code = async (path: string) => (await page.request.get(path)).body();
  const [childCode, receiptCode, staffCode] = [await code(child), await code(receipt), await code(staff)];
  // Words only a staff page has: in the whole bundle, in neither of the others.
  const staffOnly = Buffer.from('Answering is switched off in the preview.');
  expect(staffCode.includes(staffOnly)).toBe(true);
  expect(childCode.includes(staffOnly)).toBe(false);
  expect(receiptCode.includes(staffOnly)).toBe(false);
  // Nor the staff's problems in words: a child's pages are answered with codes of their own.
  const staffProblem = Buffer.from('Add at least one contribution before presenting the pack.');
  expect(staffCode.includes(staffProblem)).toBe(true);
  expect(childCode.includes(staffProblem)).toBe(false);
  expect(receiptCode.includes(staffProblem)).toBe(false);
  // The server function only the receipt pages call (its URL is in the code that calls it).
  const receiptOnly = Buffer.from('load_receipt');
  expect(receiptCode.includes(receiptOnly)).toBe(true);
  expect(childCode.includes(receiptOnly)).toBe(false);
  expect(childCode.length).toBeLessThan(staffCode.length);
  expect(receiptCode.length).toBeLessThan(staffCode.length);
});
