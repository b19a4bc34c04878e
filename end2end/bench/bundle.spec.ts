import { test, expect, Page, CDPSession } from '@playwright/test';
import { openSession } from '../tests/helpers';

// What a child's tablet downloads, from a cold cache, for the join page and then for joining and
// reaching the first question; and, on a slow school connection (1.6 Mbit/s, 150 ms round trip)
// with the processor slowed four times, how long until the join form can be used and until the
// page is enhanced (hydrated).

const SLOW = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

type Transfer = { url: string; bytes: number };

async function recordTransfers(cdp: CDPSession): Promise<Transfer[]> {
  const urls = new Map<string, string>();
  const transfers: Transfer[] = [];
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    transfers.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength });
  });
  return transfers;
}

function total(transfers: Transfer[]) {
  return transfers.reduce((sum, t) => sum + t.bytes, 0);
}

function byFile(transfers: Transfer[]) {
  return transfers
    .map((t) => `    ${(t.bytes / 1024).toFixed(1).padStart(8)} KB  ${new URL(t.url).pathname}`)
    .join('\n');
}

async function coldTablet(browser: import('@playwright/test').Browser, slow: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const transfers = await recordTransfers(cdp);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (slow) {
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  return { context, page, transfers };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

test('bytes a tablet downloads: the join page, then joining and the first question', async ({ browser }) => {
  const { code } = await openSession(browser, 'Benchmark hall');
  const { context, page, transfers } = await coldTablet(browser, false);

  await page.goto(`/?code=${code}`);
  await expect(page.locator('body[data-hydrated]')).toBeAttached();
  await settle(page);
  const join = total(transfers);
  const joinFiles = byFile(transfers);

  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(page.getByText('Question 1 of 5')).toBeVisible();
  await expect(page.locator('body[data-hydrated]')).toBeAttached();
  await settle(page);
  const firstPrompt = total(transfers);

  console.log(`Join page: ${(join / 1024).toFixed(1)} KB transferred\n${joinFiles}`);
  console.log(`Join + welcome + first question: ${(firstPrompt / 1024).toFixed(1)} KB transferred\n${byFile(transfers)}`);
  await context.close();
});

test('on a slow connection and a slow tablet: join form usable, page enhanced', async ({ browser }) => {
  const runs: { usable: number; hydrated: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const { context, page } = await coldTablet(browser, true);
    const started = Date.now();
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Type the code your helper gives you').waitFor({ state: 'visible' });
    // Usable: the form is there with its styles, so a child can type and press Start.
    await page.waitForFunction(() => document.styleSheets.length > 0 && getComputedStyle(document.body).fontFamily !== '');
    const usable = Date.now() - started;
    await expect(page.locator('body[data-hydrated]')).toBeAttached({ timeout: 60_000 });
    const hydrated = Date.now() - started;
    runs.push({ usable, hydrated });
    await context.close();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`1.6 Mbit/s, 150 ms RTT, 4x CPU slowdown, cold cache, median of ${runs.length}: ` +
    `join form usable ${median(runs.map((r) => r.usable))} ms, hydrated ${median(runs.map((r) => r.hydrated))} ms`);
  console.log(`  runs: ${JSON.stringify(runs)}`);
});
