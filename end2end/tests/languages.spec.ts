import { test, expect, Page, BrowserContext } from './fixtures';
import { readFileSync } from 'node:fs';
import { expectAccessible, openSession, signIn } from './helpers';

// A shared tablet in portrait.
const tablet = { viewport: { width: 768, height: 1024 } };

// Read-aloud is recorded rather than spoken: each utterance with its language and voice. The
// tablet offers the voices given.
async function recordSpeech(context: BrowserContext, voices: { lang: string; name: string }[]) {
  await context.addInitScript((voices) => {
    (window as any).__spoken = [];
    (window as any).SpeechSynthesisUtterance = class {
      text: string;
      lang = '';
      voice: { name: string } | null = null;
      constructor(text: string) { this.text = text; }
    };
    window.speechSynthesis.getVoices = () => voices as any;
    window.speechSynthesis.speak = (u: any) => {
      (window as any).__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
    };
  }, voices);
}

// Words in Latin letters in the page's own language: English that was not translated and not
// marked as English. Marked fallbacks (lang="en"), codes (dir="ltr") and the language names
// (each in its own lang) are allowed; so are the few names every language writes this way.
async function unmarkedEnglish(page: Page, lang: string): Promise<string[]> {
  return page.evaluate((lang) => {
    const allowed = /\b(Heard|QR|MB|JPEG|PNG|Wi-Fi|ZIP|PDF|OpenMoji|CC|BY-SA|Childline)\b/g;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!;
      if (element.closest('[hidden], script, style, template')) continue;
      if (element.closest('[lang]')?.getAttribute('lang') !== lang) continue;
      if (element.closest('[dir="ltr"]')) continue;
      const text = (node.textContent || '').replace(allowed, '');
      if (/[A-Za-z]{2,}/.test(text)) found.push(text.trim());
    }
    return found;
  }, lang);
}

// What every page of a turn in `lang` must be.
async function inLanguage(page: Page, lang: string, dir: string, checker?: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
  expect(await unmarkedEnglish(page, lang)).toEqual([]);
  await expectAccessible(page, checker);
}

test('a child picks Urdu and goes through a whole turn in it, read aloud in Urdu', async ({ browser }) => {
  const { code } = await openSession(browser, 'Urdu turn room');
  const context = await browser.newContext(tablet);
  await recordSpeech(context, [{ lang: 'en-GB', name: 'English voice' }, { lang: 'ur-PK', name: 'Urdu voice' }]);
  const child = await context.newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'اردو' }).click();
  await inLanguage(child, 'ur', 'rtl');
  await expect(child.getByRole('heading', { name: 'سلام! چلیں شروع کریں' })).toBeVisible();
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await child.getByRole('button', { name: 'یہ صفحہ اونچی آواز میں پڑھیں' }).click();
  const spoken = await child.evaluate(() => (window as any).__spoken);
  expect(spoken).toEqual([{ text: expect.stringContaining('وہ کوڈ لکھیں'), lang: 'ur', voice: 'Urdu voice' }]);

  await child.getByRole('button', { name: 'شروع کریں' }).click();
  await expect(child.getByRole('heading', { name: 'سلام! شروع کرنے سے پہلے' })).toBeVisible();
  await inLanguage(child, 'ur', 'rtl');
  // What the facilitator wrote has no Urdu yet: it is there in English, marked as English.
  await expect(child.locator('.assent [lang="en"]').first()).toContainText('short break');
  await child.getByRole('button', { name: 'ہاں، چلیں شروع کریں' }).click();
  for (const n of [1, 2, 3, 4, 5]) {
    await expect(child.getByText(`سوال ${n} از 5`)).toBeVisible();
    await expect(child.locator('h1.prompt-text')).toHaveAttribute('lang', 'en');
    if (n === 1) {
      // What went wrong comes back from the server as a code, worded in Urdu.
      await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
      await child.getByRole('button', { name: 'آگے', exact: true }).click();
      await expect(child.getByRole('alert')).toHaveText('آگے دبانے سے پہلے براہِ کرم ایک چہرہ چنیں۔');
      await expect(child.getByRole('alert')).not.toHaveAttribute('lang', 'en');
    }
    await inLanguage(child, 'ur', 'rtl');
    await child.getByRole('button', { name: 'میں نہیں بتانا چاہتا' }).click();
  }
  await expect(child.getByRole('heading', { name: 'آج کیسا رہا؟' })).toBeVisible();
  await inLanguage(child, 'ur', 'rtl');
  await child.getByRole('link', { name: 'چھوڑ دیں' }).click();
  await expect(child.getByRole('heading', { name: 'شکریہ!' })).toBeVisible();
  await inLanguage(child, 'ur', 'rtl');
  // The receipt code reads left to right inside the right-to-left page.
  await expect(child.getByTestId('receipt-code')).toHaveAttribute('dir', 'ltr');
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await child.getByRole('button', { name: 'یہ صفحہ اونچی آواز میں پڑھیں' }).click();
  const thanks = await child.evaluate(() => (window as any).__spoken);
  expect(thanks.at(-1)).toMatchObject({ lang: 'ur', voice: 'Urdu voice' });
  expect(thanks.at(-1).text).toContain('شکریہ!');

  // "Next person": the next child starts in English.
  await child.getByRole('button', { name: 'اگلا فرد' }).click();
  await expect(child.getByRole('heading', { name: "Hello! Let's start" })).toBeVisible();
  await expect(child.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(child.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a tablet with no voice for the language says so instead of reading in English', async ({ browser }) => {
  const context = await browser.newContext(tablet);
  await recordSpeech(context, [{ lang: 'en-GB', name: 'English voice' }]);
  const child = await context.newPage();
  await child.goto('/');
  await child.getByRole('button', { name: 'العربية' }).click();
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const button = child.getByRole('button', { name: 'لا يوجد صوت عربي على هذا الجهاز اللوحي' });
  await expect(button).toBeDisabled();
  expect(await child.evaluate(() => (window as any).__spoken)).toEqual([]);
  // English pages keep reading with whatever voice the tablet has.
  await child.getByRole('button', { name: 'English' }).click();
  await child.getByRole('button', { name: 'Read this page aloud' }).click();
  expect(await child.evaluate(() => (window as any).__spoken)).toEqual([
    { text: expect.stringContaining('Type the code'), lang: 'en-GB', voice: null },
  ]);
});

test('the same turn in Arabic with JavaScript off', async ({ browser }) => {
  const { code } = await openSession(browser, 'Arabic turn room');
  const child = await (await browser.newContext({ ...tablet, javaScriptEnabled: false })).newPage();
  const checker = await (await browser.newContext(tablet)).newPage();
  await child.goto('/');
  await child.getByRole('button', { name: 'العربية' }).click();
  await expect(child.getByRole('heading', { name: 'مرحبًا! لنبدأ' })).toBeVisible();
  await expect(child.locator('html')).toHaveAttribute('dir', 'rtl');
  // A mistyped code: the page comes back with what went wrong in Arabic.
  await child.getByLabel('اكتب الرمز الذي يعطيك إياه مساعدك').fill('ZZZZ-ZZZZ');
  await child.getByRole('button', { name: 'ابدأ' }).click();
  await expect(child.getByRole('alert')).toHaveText('لم نجد هذا الرمز. تحقق منه مع مساعدك وحاول مرة أخرى.');
  await inLanguage(child, 'ar', 'rtl', checker);
  await child.getByLabel('اكتب الرمز الذي يعطيك إياه مساعدك').fill(code);
  await child.getByRole('button', { name: 'ابدأ' }).click();
  await expect(child.getByRole('heading', { name: 'مرحبًا! قبل أن نبدأ' })).toBeVisible();
  // The checker has no cookie of its own: it reads the same page in Arabic too.
  await checker.context().addCookies((await child.context().cookies()).filter((c) => c.name === 'heard_language'));
  await inLanguage(child, 'ar', 'rtl', checker);
  await child.getByRole('button', { name: 'نعم، لنبدأ' }).click();
  for (const n of [1, 2, 3, 4, 5]) {
    await expect(child.getByText(`السؤال ${n} من 5`)).toBeVisible();
    await inLanguage(child, 'ar', 'rtl', checker);
    await child.getByRole('button', { name: 'أفضّل ألّا أقول' }).click();
  }
  await expect(child.getByRole('heading', { name: 'كيف كان اليوم؟' })).toBeVisible();
  await child.getByRole('link', { name: 'تخطَّ' }).click();
  await expect(child.getByRole('heading', { name: 'شكرًا لك!' })).toBeVisible();
  await inLanguage(child, 'ar', 'rtl', checker);
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();
  await child.getByRole('button', { name: 'الشخص التالي' }).click();
  await expect(child.getByRole('heading', { name: "Hello! Let's start" })).toBeVisible();

  // At home, the receipt in Arabic: the day it was said, with the Arabic month.
  const home = await (await browser.newContext({ ...tablet, javaScriptEnabled: false })).newPage();
  await home.goto(`/receipt/${receipt}`);
  await home.getByRole('button', { name: 'العربية' }).click();
  const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
  const today = new Date();
  await expect(home.locator('main')).toContainText(`${today.getUTCDate()} ${months[today.getUTCMonth()]} ${today.getUTCFullYear()}`);
  await checker.context().addCookies((await home.context().cookies()).filter((c) => c.name === 'heard_language'));
  await inLanguage(home, 'ar', 'rtl', checker);
  await home.goto('/receipt/ZZZZ-ZZZZ');
  await expect(home.getByRole('alert')).toHaveText('لم نجد رمز الإيصال هذا. تحقق من كل حرف وحاول مرة أخرى.');
});

test('a facilitator writes a question in Polish; a Polish child sees it, and English where none was written', async ({ browser }) => {
  const facilitator = await signIn(browser, 'facilitator@heard.example', 'demo-facilitator-password');
  const card = facilitator.locator('article', { has: facilitator.getByRole('heading', { name: 'What makes a good short break?', exact: true }) });
  await card.getByRole('link', { name: 'Questions, pictures and themes' }).click();
  const first = facilitator.locator('section.card', { has: facilitator.getByRole('heading', { name: /^Question 1:/ }) });
  await first.getByText(/^In other languages:/).click();
  await expect(first.getByText(/^In other languages:/)).toContainText('missing in');
  await first.getByText('Polish (Polski): not translated').click();
  await first.getByLabel('The question in Polish').fill('Jak się czujesz w klubach i na krótkich przerwach?');
  await first.getByLabel('Easy-read words in Polish').fill('Klub. Jak się czujesz?');
  await expect(facilitator.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await first.getByRole('button', { name: 'Save the Polish words' }).click();
  const inOthers = first.getByText(/^In other languages:/);
  await expect(inOthers).toContainText('missing in Welsh, Romanian, Urdu, Arabic.');
  await facilitator.reload();
  await inOthers.click();
  await first.getByText('Polish (Polski): translated').click();
  await first.getByRole('link', { name: 'Preview in Polish' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Jak się czujesz w klubach i na krótkich przerwach?' })).toBeVisible();
  await expect(facilitator.locator('.tablet-preview')).toHaveAttribute('lang', 'pl');
  await expect(facilitator.getByText('Pytanie 1 z 5')).toBeVisible();

  await facilitator.goto('/staff');
  const { code } = await openSession(browser, 'Polish turn room', undefined, facilitator);
  const child = await (await browser.newContext(tablet)).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Polski' }).click();
  await child.getByRole('button', { name: 'Zacznij' }).click();
  await child.getByRole('button', { name: 'Tak, zaczynajmy' }).click();
  const question = child.locator('h1.prompt-text');
  await expect(question).toHaveText('Jak się czujesz w klubach i na krótkich przerwach?');
  expect(await question.getAttribute('lang')).toBeNull();
  await inLanguage(child, 'pl', 'ltr');
  await child.getByRole('button', { name: 'Wolę nie mówić' }).click();
  await expect(question).toHaveText('What would make a short break really good for you?');
  await expect(question).toHaveAttribute('lang', 'en');
  await inLanguage(child, 'pl', 'ltr');

  // An English child of the same session sees the English.
  const english = await (await browser.newContext(tablet)).newPage();
  await english.goto(`/?code=${code}`);
  await english.getByRole('button', { name: 'Start' }).click();
  await english.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(english.locator('h1.prompt-text')).toHaveText('How do you feel about the clubs and short breaks you go to now?');
});

// Each language's heading of the join page, as its translation file has it.
function joinHeading(lang: string): string {
  const file = JSON.parse(readFileSync(`${__dirname}/../../app/locales/${lang}/child.json`, 'utf8'));
  return file.join.heading;
}

test('a child reading Polish downloads the Polish words and no other language', async ({ browser }) => {
  const context = await browser.newContext(tablet);
  await recordSpeech(context, [{ lang: 'en-GB', name: 'English voice' }]);
  const child = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  const paths: string[] = [];
  child.on('response', (response) => {
    paths.push(new URL(response.url()).pathname);
    bodies.push(response.body().catch(() => null));
  });
  await child.goto('/');
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await child.getByRole('button', { name: 'Polski' }).click();
  await expect(child.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(child.getByRole('heading', { name: joinHeading('pl') })).toBeVisible();
  // Only the browser writes this, after hydration, from the phrases the Polish page brought.
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await expect(child.getByRole('button', { name: 'Ten tablet nie ma polskiego głosu do czytania' })).toBeDisabled();

  // Everything the tablet fetched: the pages, the stylesheet, the scripts and the WebAssembly.
  const fetched = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
  expect(paths.some((path) => path.endsWith('.wasm'))).toBe(true);
  const containing = (phrase: string) => fetched.filter((body) => body.includes(Buffer.from(phrase))).length;
  expect(containing(joinHeading('pl'))).toBeGreaterThan(0);
  for (const other of ['cy', 'ro', 'ur', 'ar']) {
    expect(containing(joinHeading(other)), `${other} words were downloaded`).toBe(0);
  }
});
