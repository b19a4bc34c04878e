import { test, expect, Page, Browser } from './fixtures';
import { childWrites, expectAccessible, openSession, signIn } from './helpers';

// The files in a ZIP Heard wrote (stored, not compressed): name → bytes.
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    expect(method, 'stored').toBe(0);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    files.set(name, zip.subarray(start, start + size));
    at = start + size;
  }
  return files;
}

async function tinyJpeg(page: Page): Promise<Buffer> {
  const data = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 48;
    const pen = canvas.getContext('2d')!;
    pen.fillStyle = '#39c'; pen.fillRect(0, 0, 64, 48);
    return canvas.toDataURL('image/jpeg').split(',')[1];
  });
  return Buffer.from(data, 'base64');
}

// A child writes `words`, sends a photo decision makers may see, and finishes; returns the receipt code.
async function childWithPhoto(browser: Browser, code: string, words: string): Promise<string> {
  const child = await (await browser.newContext()).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await child.getByRole('button', { name: "I'd rather not say" }).click();
  await child.getByRole('textbox').fill(words);
  await child.getByRole('button', { name: 'Next' }).click();
  for (const n of [3, 4]) {
    await expect(child.getByText(`Question ${n} of 5`)).toBeVisible();
    await child.getByRole('button', { name: "I'd rather not say" }).click();
  }
  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  await child.getByLabel('The people who make decisions too').check();
  await child.getByLabel(/Take or choose a photo/).setInputFiles({
    name: 'swings.jpg', mimeType: 'image/jpeg', buffer: await tinyJpeg(child),
  });
  await child.getByRole('button', { name: 'Send' }).click();
  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await child.getByRole('button', { name: 'Send' }).click();
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();
  await child.context().close();
  return receipt;
}

test('from their receipt a child erases an answer by touch and lets fewer people see a photo by keyboard; staff pages follow', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Youth club, rights');
  const receipt = await childWithPhoto(browser, code, 'Rights test: more swings');
  await (await childWrites(browser, code, 'Another child wrote this')).context().close();

  // Staff see the words and the photo, and the report shows the photo to decision makers.
  await facilitator.reload();
  await expect(facilitator.getByText('Rights test: more swings')).toBeVisible();
  const photo = facilitator.locator('.contribution', { hasText: 'Who may see it: Decision makers' });
  const thumbnail = await photo.locator('img.thumbnail').getAttribute('src');
  expect(thumbnail).toMatch(/^\/staff\/media\/[0-9a-f-]+\/thumb$/);
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.goto('/staff/evidence/report');
  await expect(commissioner.locator(`img[src="${thumbnail}"]`)).toHaveCount(1);

  // At home, on a phone: the receipt, by touch.
  const phone = await (await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`/receipt/${receipt}`);
  await expect(phone.getByRole('heading', { name: 'What you can do' })).toBeVisible();
  await expectAccessible(phone);
  const words = phone.locator('article.said', { hasText: 'Rights test: more swings' });
  await words.getByRole('link', { name: 'Erase this answer' }).tap();
  await expect(phone.getByText(/You are about to erase your answer to/)).toContainText('Rights test: more swings');
  await expect(phone.getByText('It will be gone for good.', { exact: false })).toBeVisible();
  await expectAccessible(phone);
  await phone.getByRole('button', { name: 'Yes, erase it' }).tap();
  await expect(phone.getByRole('status')).toContainText('We have erased it');
  await expect(phone.getByText('Rights test: more swings')).toHaveCount(0);

  // Fewer people may see the photo, by keyboard only.
  const picture = phone.locator('article.said', { hasText: 'You said: A photo' });
  await expect(picture).toContainText('Who can see it: The people who make decisions too');
  await expect(picture.getByLabel('Anyone, on the public board')).toHaveCount(0);
  await picture.getByLabel('Only the people running today').focus();
  await phone.keyboard.press('Space');
  await expect(picture.getByLabel('Only the people running today')).toBeChecked();
  await phone.keyboard.press('Tab');
  await expect(picture.getByRole('button', { name: 'Change who can see it' })).toBeFocused();
  await phone.keyboard.press('Enter');
  await expect(phone.getByRole('status')).toContainText('Fewer people can see it now');
  await expect(phone.locator('article.said', { hasText: 'You said: A photo' })).toContainText('Who can see it: Only the people running today');
  await expectAccessible(phone);

  // The facilitator's session page and the evidence report change accordingly.
  await facilitator.reload();
  await expect(facilitator.getByText('Rights test: more swings')).toHaveCount(0);
  await expect(facilitator.getByText('Another child wrote this')).toBeVisible();
  await expect(facilitator.locator(`img[src="${thumbnail}"]`)).toHaveCount(1);
  await expect(facilitator.locator('.contribution', { has: facilitator.locator(`img[src="${thumbnail}"]`) })).toContainText('Who may see it: Team only');
  await commissioner.reload();
  await expect(commissioner.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(commissioner.locator(`img[src="${thumbnail}"]`)).toHaveCount(0);
  expect((await commissioner.request.get(thumbnail!)).status()).toBe(403);

  // The copy: a page to print, and a download with exactly this child's answers and photo.
  await phone.getByRole('link', { name: 'A copy to keep or print' }).tap();
  await expect(phone.getByRole('heading', { name: 'A copy of what I said' })).toBeVisible();
  await expect(phone.getByText(`Receipt ${receipt}`)).toBeVisible();
  await expectAccessible(phone);
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    phone.getByRole('link', { name: 'Download everything (ZIP)' }).tap(),
  ]);
  const files = unzip(await readAll(await download.createReadStream()));
  expect([...files.keys()].sort()).toEqual(['answer-4.jpg', 'what-i-said.json']);
  expect([...files.get('answer-4.jpg')!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  const json = JSON.parse(files.get('what-i-said.json')!.toString('utf8'));
  expect(json.receipt).toBe(receipt);
  expect(json.answers).toHaveLength(4);
  const text = JSON.stringify(json);
  expect(text).not.toContain('Another child wrote this');
  expect(text).not.toContain('Rights test: more swings');
  expect(text).not.toContain(code);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

test('an erasure an open concern holds waits kindly for the safeguarding lead, who decides', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Library, rights held');
  const child = await childWrites(browser, code, 'I get scared at night');
  await child.getByRole('button', { name: 'Send' }).click();
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();

  // The assent screen's link says what happens to what children say.
  const next = await (await browser.newContext()).newPage();
  await next.goto(`/?code=${code}`);
  await next.getByRole('button', { name: 'Start' }).click();
  await next.getByRole('link', { name: 'What happens to what I say' }).click();
  await expect(next.getByRole('heading', { name: 'What happens to what I say' })).toBeVisible();
  await expect(next.getByText(/We keep what you say for \d+ months after your session/)).toBeVisible();
  await expectAccessible(next);
  await next.getByRole('link', { name: 'Go back' }).click();
  await expect(next.getByRole('heading', { name: 'Hello! Before we start' })).toBeVisible();

  await facilitator.reload();
  const words = facilitator.locator('.contribution', { hasText: 'I get scared at night' });
  await words.getByText('Raise a safeguarding concern about this').click();
  await words.getByLabel('What worries you').fill('Check in with school.');
  await words.getByRole('button', { name: 'Raise the concern' }).click();
  await expect(facilitator.getByRole('heading', { name: /Concerns raised/ })).toBeVisible();

  const home = await (await browser.newContext()).newPage();
  await home.goto(`/receipt/${receipt}`);
  await home.getByRole('link', { name: 'Erase everything I said' }).click();
  await expect(home.getByText(/You are about to erase everything you said with this receipt: answers 5,/)).toBeVisible();
  await home.getByRole('button', { name: 'Yes, erase it' }).click();
  await expect(home.getByRole('status')).toContainText('an adult whose job is keeping children safe will look at this first');
  await expect(home.getByText('I get scared at night')).toBeVisible();
  await expectAccessible(home);

  const lead = await signIn(browser, 'safeguarding@heard.example', 'demo-safeguarding-password');
  await lead.getByRole('link', { name: /Children's rights requests/ }).click();
  const waiting = lead.locator('.rights-log tr', { hasText: 'Waiting for the safeguarding lead' });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('The child, with the receipt');
  await expect(lead.locator('.rights-log')).not.toContainText('scared');
  await expectAccessible(lead);
  await waiting.getByLabel('Erase as asked').check();
  // Each run's own reason, so a rerun against the same server finds its row.
  const why = `Spoke with the school; nothing more needed (${Date.now()})`;
  await waiting.getByLabel('Why').fill(why);
  await waiting.getByRole('button', { name: 'Record the decision' }).click();
  await expect(lead.getByRole('status')).toContainText('Your decision is recorded');
  await expect(lead.locator('.rights-log tr', { hasText: why })).toContainText('Done');

  await home.reload();
  await expect(home.getByText('I get scared at night')).toHaveCount(0);
  await expect(home.getByText(/There is nothing left of what you said/)).toBeVisible();
});

test('an admin acts for a carer who phoned: finds the turn by its receipt code, erases an answer, and the log says who', async ({ browser }) => {
  const { code } = await openSession(browser, 'Community centre, rights by phone');
  const words = `Please more buses (${Date.now()})`;
  const child = await childWrites(browser, code, words);
  await child.getByRole('button', { name: 'Send' }).click();
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();

  const admin = await signIn(browser, 'admin@heard.example', 'demo-admin-password');
  await admin.getByRole('link', { name: /Children's rights requests/ }).click();
  await admin.getByLabel('Receipt code').fill(receipt.toLowerCase().replace('-', ' '));
  await admin.getByRole('button', { name: 'Find' }).click();
  await expect(admin.getByRole('heading', { name: `Receipt ${receipt}` })).toBeVisible();
  await expectAccessible(admin);
  const answer = admin.locator('.contribution', { hasText: words });
  await answer.getByText('Erase this answer').click();
  await answer.getByRole('button', { name: 'Erase it' }).click();
  await expect(admin.getByRole('status')).toContainText('Erased');
  await expect(admin.getByText(words)).toHaveCount(0);
  await expect(admin.locator('.rights-log tbody tr').first()).toContainText('admin@heard.example');

  const home = await (await browser.newContext()).newPage();
  await home.goto(`/receipt/${receipt}`);
  await expect(home.getByRole('heading', { name: 'You said, we did' })).toBeVisible();
  await expect(home.getByText(words)).toHaveCount(0);
});
