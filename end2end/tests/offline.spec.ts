import { test, expect, Browser, Page } from './fixtures';
import net from 'node:net';
import { expectAccessible, openSession } from './helpers';

// The school hall's Wi-Fi, between the tablet and Heard. Cutting it drops every open connection
// and refuses new ones, as a lost network does, for the page and its service worker alike.
async function hallWifi(heard: URL) {
  const open = new Set<net.Socket>();
  let up = true;
  const relay = net.createServer((tablet) => {
    if (!up) {
      tablet.destroy();
      return;
    }
    const server = net.connect(Number(heard.port), heard.hostname);
    const close = () => {
      for (const socket of [tablet, server]) {
        socket.destroy();
        open.delete(socket);
      }
    };
    for (const socket of [tablet, server]) {
      open.add(socket);
      socket.on('error', close);
      socket.on('close', close);
    }
    tablet.pipe(server);
    server.pipe(tablet);
  });
  await new Promise<void>((listening) => relay.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}`,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      up = true;
    },
    close: () => new Promise((closed) => relay.close(closed)),
  };
}

// What the tablet holds: pages of the turn it keeps, and posts waiting to be sent.
const keptPages = (page: Page) => page.evaluate(async () =>
  (await (await caches.open('heard-turn')).keys()).map((request) => new URL(request.url).pathname));
const waitingPosts = (page: Page) => page.evaluate(() => new Promise<number>((resolve, reject) => {
  const open = indexedDB.open('heard', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('waiting', { keyPath: 'id', autoIncrement: true });
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const count = open.result.transaction('waiting').objectStore('waiting').count();
    count.onsuccess = () => { open.result.close(); resolve(count.result); };
  };
}));

test('a turn goes on when the Wi-Fi drops, and every answer arrives once', async ({ browser, baseURL }) => {
  const { facilitator, code } = await openSession(browser, 'School hall with poor Wi-Fi');
  const wifi = await hallWifi(new URL(baseURL!));
  const tablet = await browser.newContext({
    baseURL: wifi.url, serviceWorkers: 'allow',
  });
  const child = await tablet.newPage();
  await child.goto('/');
  await child.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await child.getByLabel('Type the code your helper gives you').fill(code);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(child.getByText('Question 1 of 5')).toBeVisible();

  // While the network is there, the tablet keeps every page of the rest of the turn.
  await expect.poll(() => child.evaluate(async () => {
    const wanted = document.querySelector<HTMLElement>('[data-offline-pages]')!.dataset.offlinePages!.split(' ');
    const cache = await caches.open('heard-turn');
    const kept = await Promise.all(wanted.map((page) => cache.match(page)));
    return kept.filter((response) => !response).length;
  }), { timeout: 30_000 }).toBe(0);
  await child.getByText('Very happy').click();
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByText('Question 2 of 5')).toBeVisible();

  const answerUrl = new URL((await child.locator('form.child-form').getAttribute('action'))!, wifi.url).href;
  const turn = new URL(child.url()).pathname.split('/')[2];

  // The Wi-Fi drops. The child goes on; each answer waits on the tablet, and the adult sees how many.
  wifi.cut();
  const waiting = child.locator('#heard-waiting');
  await child.getByRole('textbox').fill('Somewhere quiet, written while the Wi-Fi was down');
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByText('Question 3 of 5')).toBeVisible();
  await expect(waiting).toHaveText('Answers kept on this tablet: 1. They will be sent when the Wi-Fi is back.');

  // The press's id, made with the page, survives hydration: a resend is one concern, not two.
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await expect(child.locator('input[name="request"]')).toHaveValue(/^[0-9a-f-]{36}$/);
  await child.getByRole('button', { name: "I'm worried" }).click();
  await expect(child.getByRole('heading', { name: 'Thank you for telling us' })).toBeVisible();
  await expect(waiting).toContainText('Answers kept on this tablet: 2.');
  // It has reached no one yet, so the adult on the tablet is told to act now.
  await expect(waiting).toContainText('A child pressed "I\'m worried" and it has not reached Heard yet.');
  await child.getByRole('link', { name: 'Go back to where I was' }).click();
  await expect(child.getByText('Question 3 of 5')).toBeVisible();
  await child.getByText('Okay').click();
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByText('Question 4 of 5')).toBeVisible();
  await child.getByLabel('Swimming').check();
  await child.getByRole('button', { name: 'Next' }).click();

  // Drawing needs the enhanced page: it comes from the tablet too, wasm and all.
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  await child.getByRole('link', { name: 'Draw it' }).click();
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const canvas = child.getByRole('img', { name: /Drawing area/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await child.mouse.move(box.x + 40, box.y + 40);
  await child.mouse.down();
  await child.mouse.move(box.x + 300, box.y + 200, { steps: 12 });
  await child.mouse.up();
  await child.getByRole('button', { name: 'Send' }).click();
  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await expect(waiting).toContainText('Answers kept on this tablet: 5.');
  expect(await waitingPosts(child)).toBe(5);
  await expectAccessible(child);
  await child.getByRole('link', { name: 'Skip' }).click();
  await expect(child.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(child.getByTestId('receipt-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // Nothing has reached Heard but the first answer.
  await facilitator.reload();
  await expect(facilitator.getByText('What children said (1)')).toBeVisible();
  await expect(facilitator.getByRole('heading', { name: /Concerns raised/ })).toHaveCount(0);

  // The Wi-Fi comes back: everything is sent, once, and removed from the tablet.
  wifi.restore();
  await expect(waiting).toBeHidden({ timeout: 45_000 });
  expect(await waitingPosts(child)).toBe(0);
  await facilitator.reload();
  await expect(facilitator.getByText('What children said (5)')).toBeVisible();
  await expect(facilitator.getByText('Somewhere quiet, written while the Wi-Fi was down')).toHaveCount(1);
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (1)' })).toBeVisible();
  await expect(facilitator.getByRole('img', { name: /Drawing a child sent/ })).toBeVisible();

  // An answer Heard refuses for good (here: its question no longer exists) is not retried
  // forever: the adult reads why, and dismisses it.
  await child.evaluate(async ({ url, turn }) => {
    const body = new TextEncoder().encode(
      `participation=${turn}&prompt=gone&contribution=${crypto.randomUUID()}&way=text&text=hello`).buffer;
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('heard', 1);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const write = open.result.transaction('waiting', 'readwrite');
        write.objectStore('waiting').add({
          url, body, contentType: 'application/x-www-form-urlencoded', keptAt: Date.now(), worry: false,
        });
        write.oncomplete = () => { open.result.close(); resolve(null); };
      };
    });
    navigator.serviceWorker.controller!.postMessage({ send: true });
  }, { url: answerUrl, turn });
  await expect(waiting).toContainText('Heard could not take answers sent from this tablet: 1. That question does not exist.');
  await expectAccessible(child);
  await waiting.getByRole('button', { name: 'Dismiss' }).click();
  await expect(waiting).toBeHidden();
  expect(await waitingPosts(child)).toBe(0);

  // Next person: the tablet keeps nothing of this turn.
  expect((await keptPages(child)).length).toBeGreaterThan(0);
  await child.getByRole('button', { name: 'Next person' }).click();
  await expect(child.getByRole('heading', { name: "Hello! Let's start" })).toBeVisible();
  expect(await keptPages(child)).toEqual([]);
  await tablet.close();
  await wifi.close();
});

// A tablet whose child has joined and agreed, with the rest of the turn kept on it.
async function tabletReady(browser: Browser, code: string) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByLabel('Type the code your helper gives you').fill(code);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(page.getByText('Question 1 of 5')).toBeVisible();
  await expect.poll(() => page.evaluate(async () => {
    const wanted = document.querySelector<HTMLElement>('[data-offline-pages]')!.dataset.offlinePages!.split(' ');
    const cache = await caches.open('heard-turn');
    return (await Promise.all(wanted.map((kept) => cache.match(kept)))).filter((kept) => !kept).length;
  }), { timeout: 30_000 }).toBe(0);
  return { context, page };
}

test('an offline burst: 20 answers with photos and drawings, a reload, then exactly 20 on the server', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Sports hall, Wi-Fi down all morning');
  const photo = await facilitator.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 80; canvas.height = 60;
    const pen = canvas.getContext('2d')!;
    pen.fillStyle = '#36c'; pen.fillRect(0, 0, 80, 60);
    return canvas.toDataURL('image/jpeg').split(',')[1];
  });
  const tablets = [];
  for (let i = 0; i < 4; i++) tablets.push(await tabletReady(browser, code));
  for (const { context } of tablets) await context.setOffline(true);

  for (const [i, { page }] of tablets.entries()) {
    await page.getByText('Very happy').click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox').fill(`Said offline on tablet ${i + 1}`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Okay').click();
    await page.getByRole('button', { name: 'Next' }).click();
    // The tablet is reloaded while offline: the page and what waits are still there.
    await expect(page.getByText('Question 4 of 5')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Question 4 of 5')).toBeVisible();
    await expect(page.locator('#heard-waiting')).toContainText('Answers kept on this tablet: 3.');
    await page.getByLabel('Music').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Question 5 of 5')).toBeVisible();
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
    if (i % 2 === 0) {
      await page.getByLabel(/Take or choose a photo/).setInputFiles({
        name: 'hall.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64'),
      });
    } else {
      await page.getByRole('link', { name: 'Draw it' }).click();
      await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
      const canvas = page.getByRole('img', { name: /Drawing area/ });
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + 30, box.y + 30);
      await page.mouse.down();
      await page.mouse.move(box.x + 200, box.y + 150, { steps: 10 });
      await page.mouse.up();
    }
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { name: 'How was today?' })).toBeVisible();
    await expect(page.locator('#heard-waiting')).toContainText('Answers kept on this tablet: 5.');
  }
  await facilitator.reload();
  await expect(facilitator.getByText('What children said (0)')).toBeVisible();

  for (const { context } of tablets) await context.setOffline(false);
  for (const { page } of tablets) await expect(page.locator('#heard-waiting')).toBeHidden({ timeout: 45_000 });
  await facilitator.reload();
  await expect(facilitator.getByText('What children said (20)')).toBeVisible();
  await expect(facilitator.getByText(/^Said offline on tablet \d$/)).toHaveCount(4);
  await expect(facilitator.getByRole('img', { name: /Photo a child sent/ })).toHaveCount(2);
  await expect(facilitator.getByRole('img', { name: /Drawing a child sent/ })).toHaveCount(2);
  for (const { context } of tablets) await context.close();
});
