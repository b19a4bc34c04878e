import { test, expect } from './fixtures';

// What a tablet downloads to make a page work: the child's pages hydrate with their own bundle,
// which has none of the staff pages' code; a staff page brings the whole one.
test("a child's page brings only the child's pages' code, and a staff page the rest", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const wasm: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });

  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  expect(wasm).toHaveLength(1);
  const child = wasm[0];

  // The child's router does not know the staff pages: the link loads the page anew, with its code.
  await page.getByRole('link', { name: 'Staff sign in' }).click();
  await expect(page).toHaveURL(/\/staff/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  expect(wasm).toHaveLength(2);
  const staff = wasm[1];
  expect(staff).not.toBe(child);

  const code = async (path: string) => (await page.request.get(path)).body();
  const [childCode, staffCode] = [await code(child), await code(staff)];
  // Words only a staff page has: in the whole bundle, not in the child's.
  const staffOnly = Buffer.from('Answering is switched off in the preview.');
  expect(staffCode.includes(staffOnly)).toBe(true);
  expect(childCode.includes(staffOnly)).toBe(false);
  expect(childCode.length).toBeLessThan(staffCode.length);
});
