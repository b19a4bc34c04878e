import { test, expect, Page, Locator } from './fixtures';
import { expectAccessible, openSession, readQr } from './helpers';

// Presses Tab until `target` has the focus, as a child using a keyboard or a switch would.
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test('a facilitator picks pictures; a child answers with the keyboard only; the tablet is left clean', async ({ browser }) => {
  const { facilitator, code } = await openSession(browser, 'Youth club, keyboard table');
  const sessionPage = facilitator.url();
  const joinLink = await readQr(facilitator.getByRole('img', { name: "QR code that opens the join page with this session's code" }));
  expect(joinLink).toBe(new URL(`/?code=${code}`, facilitator.url()).href);

  // The facilitator gives the first option of the choice question another picture.
  await facilitator.goto('/staff');
  await facilitator.getByRole('link', { name: 'Questions, pictures and themes' }).first().click();
  await expect(facilitator.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  const choice = facilitator.locator('section.card', { has: facilitator.getByRole('heading', { name: /^Question 4:/ }) });
  await choice.getByText('Change this question').click();
  const swimming = choice.getByLabel('Picture for option 1', { exact: true });
  await swimming.selectOption({ label: 'Art' });
  await expect(choice.getByRole('img', { name: 'Chosen: Art' }).first()).toBeVisible();
  await expectAccessible(facilitator);
  await choice.getByRole('button', { name: 'Save the question' }).click();
  // Saved: the page goes to the question's place.
  await expect(facilitator).toHaveURL(/#prompt-/);
  await facilitator.reload();
  await expect(choice.getByLabel('Picture for option 1', { exact: true })).toHaveValue('1F3A8');

  const tablet = await browser.newContext();
  const child = await tablet.newPage();
  // The tablet scanned the facilitator's QR code: the code is already there.
  await child.goto(joinLink);
  await expect(child.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await expect(child.getByLabel('Type the code your helper gives you')).toHaveValue(code);
  await tabTo(child, child.getByRole('button', { name: 'Start' }));
  await child.keyboard.press('Enter');

  await tabTo(child, child.getByRole('button', { name: "Yes, let's start" }));
  await child.keyboard.press('Enter');

  // Faces: Tab into the group, arrows to choose.
  await expect(child.getByText('Question 1 of 5')).toBeVisible();
  await tabTo(child, child.getByRole('radio').first());
  await child.keyboard.press('Space');
  await child.keyboard.press('ArrowRight');
  await child.keyboard.press('ArrowRight');
  await expect(child.getByRole('radio', { name: 'Okay' })).toBeChecked();
  await tabTo(child, child.getByRole('button', { name: 'Next' }));
  await child.keyboard.press('Enter');

  await expect(child.getByText('Question 2 of 5')).toBeVisible();
  await tabTo(child, child.getByRole('textbox'));
  await child.keyboard.type('A room with soft lights');
  await tabTo(child, child.getByRole('button', { name: 'Next' }));
  await child.keyboard.press('Enter');

  await expect(child.getByText('Question 3 of 5')).toBeVisible();
  await tabTo(child, child.getByRole('button', { name: "I'd rather not say" }));
  await child.keyboard.press('Enter');

  // Pictures to choose: the facilitator's new picture is on the first option.
  await expect(child.getByText('Question 4 of 5')).toBeVisible();
  await expect(child.locator('label', { hasText: 'Swimming' }).locator('img')).toHaveAttribute('src', '/symbols/1F3A8.svg');
  await tabTo(child, child.getByLabel('Swimming'));
  await child.keyboard.press('Space');
  await tabTo(child, child.getByLabel('Games'));
  await child.keyboard.press('Space');
  await tabTo(child, child.getByRole('button', { name: 'Next' }));
  await child.keyboard.press('Enter');

  await expect(child.getByText('Question 5 of 5')).toBeVisible();
  await tabTo(child, child.getByRole('link', { name: 'Write it' }));
  await child.keyboard.press('Enter');
  await tabTo(child, child.getByRole('textbox'));
  await child.keyboard.type('The park near school');
  await tabTo(child, child.getByRole('button', { name: 'Next' }));
  await child.keyboard.press('Enter');

  await expect(child.getByRole('heading', { name: 'How was today?' })).toBeVisible();
  await tabTo(child, child.getByRole('link', { name: 'Skip' }));
  await child.keyboard.press('Enter');
  await expect(child.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await tabTo(child, child.getByRole('button', { name: 'Next person' }));
  await child.keyboard.press('Enter');
  await expect(child.getByRole('heading', { name: "Hello! Let's start" })).toBeVisible();

  // Kiosk: nothing of this child is left in the browser's storage, and Back does not bring it back.
  const stored = await child.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  expect(stored).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
  expect((await tablet.cookies()).filter((cookie) => cookie.value !== '')).toEqual([]);
  await child.goBack();
  await expect(child.getByTestId('receipt-code')).toHaveCount(0);

  await facilitator.goto(sessionPage);
  await expect(facilitator.getByText('What children said (5)')).toBeVisible();
  await expect(facilitator.getByText('A room with soft lights')).toBeVisible();
  await expect(facilitator.getByText('Swimming, Games')).toBeVisible();
  await tablet.close();
});
