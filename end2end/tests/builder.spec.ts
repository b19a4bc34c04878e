import { test, expect, Page } from './fixtures';
import { expectAccessible, openSession, readQr, signIn } from './helpers';

const hydrated = (page: Page) => expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });

test('a facilitator builds an activity and runs it; a worried child reaches the lead live; decision makers do not see the turn', async ({ browser }) => {
  const title = `Our youth club ${Date.now()}`;
  const facilitator = await signIn(browser, 'facilitator@heard.example', 'demo-facilitator-password');

  // The activity: what it is about, who will hear, which priority.
  await facilitator.getByRole('link', { name: 'New activity' }).click();
  await hydrated(facilitator);
  await facilitator.getByLabel('Title').fill(title);
  await facilitator.getByLabel('What it is about, in words a child understands').fill('Tell us what you think of the youth club.');
  await facilitator.getByLabel('8. Develop our short breaks offer').check();
  await expectAccessible(facilitator);
  await facilitator.getByRole('button', { name: 'Create the activity' }).click();
  await expect(facilitator.getByRole('heading', { name: title })).toBeVisible();
  await expect(facilitator.getByText('No questions yet.')).toBeVisible();
  await hydrated(facilitator);

  // Two questions: a choice with pictures, then words.
  const adding = facilitator.locator('section', { has: facilitator.getByRole('heading', { name: 'Add a question' }) });
  await adding.getByLabel('The question', { exact: true }).fill('What do you like doing at the club?');
  await adding.getByLabel('Easy read: short words, one idea').fill('Things you like at the club.');
  await adding.getByLabel('Picture beside the question').selectOption({ label: 'Games' });
  await adding.getByRole('checkbox', { name: 'Emoji scale' }).uncheck();
  await adding.getByRole('checkbox', { name: 'Choice', exact: true }).check();
  await adding.getByLabel('Option 1', { exact: true }).fill('Art');
  await adding.getByLabel('Picture for option 1').selectOption({ label: 'Art' });
  await adding.getByLabel('Option 2', { exact: true }).fill('Sport');
  await adding.getByLabel('Option 3', { exact: true }).fill('Cooking');
  await adding.getByRole('button', { name: 'Add the question' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Question 1: What do you like doing at the club?' })).toBeVisible();

  await adding.getByLabel('The question', { exact: true }).fill('What would make the club better?');
  await adding.getByLabel('Easy read: short words, one idea').fill('Make the club better. Tell us.');
  await adding.getByRole('checkbox', { name: 'Emoji scale' }).uncheck();
  await adding.getByRole('checkbox', { name: 'Text', exact: true }).check();
  await adding.getByRole('button', { name: 'Add the question' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Question 2: What would make the club better?' })).toBeVisible();

  // A bad question gets a message, and the form keeps what was typed.
  await adding.getByLabel('The question', { exact: true }).fill('Which day?');
  await adding.getByLabel('Easy read: short words, one idea').fill('Pick a day.');
  await adding.getByRole('checkbox', { name: 'Emoji scale' }).uncheck();
  await adding.getByRole('checkbox', { name: 'Choice', exact: true }).check();
  await adding.getByLabel('Option 1', { exact: true }).fill('Friday');
  await adding.getByRole('button', { name: 'Add the question' }).click();
  await expect(adding.getByRole('alert')).toContainText('at least two options');
  await expect(adding.getByLabel('The question', { exact: true })).toHaveValue('Which day?');

  // Words first: the second question moves earlier.
  const words = facilitator.locator('section.card', { has: facilitator.getByRole('heading', { name: /What would make the club better\?/ }) });
  await words.getByRole('button', { name: 'Move earlier' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Question 1: What would make the club better?' })).toBeVisible();
  await expect(facilitator.getByRole('heading', { name: 'Question 2: What do you like doing at the club?' })).toBeVisible();

  // A theme list for tagging.
  await facilitator.getByLabel('New theme').fill('Opening times');
  await facilitator.getByRole('button', { name: 'Add the theme' }).click();
  await expect(facilitator.locator('#themes li', { hasText: 'Opening times' })).toBeVisible();
  await expectAccessible(facilitator);

  // The preview shows the choice as the tablet will, and nothing can be sent from it.
  const choice = facilitator.locator('section.card', { has: facilitator.getByRole('heading', { name: /What do you like doing/ }) });
  await choice.getByRole('link', { name: 'Preview' }).click();
  await expect(facilitator.getByRole('heading', { name: 'What do you like doing at the club?' })).toBeVisible();
  await expect(facilitator.getByText('Question 2 of 2')).toBeVisible();
  await expect(facilitator.getByRole('radio', { name: 'Cooking' })).toBeDisabled();
  await expect(facilitator.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expectAccessible(facilitator);
  await facilitator.getByRole('link', { name: 'Previous question' }).click();
  await expect(facilitator.getByText('Question 1 of 2')).toBeVisible();

  // The session, joined by its QR code.
  await facilitator.goto('/staff');
  const place = 'Youth club, back room';
  await openSession(browser, place, title, facilitator);
  await expect(facilitator.getByText(/run by facilitator@heard.example/)).toBeVisible();
  await hydrated(facilitator);
  const joinLink = await readQr(facilitator.getByRole('img', { name: "QR code that opens the join page with this session's code" }));

  // The safeguarding lead has the queue open.
  const lead = await signIn(browser, 'safeguarding@heard.example', 'demo-safeguarding-password');
  await lead.getByRole('link', { name: 'Open the safeguarding queue' }).click();
  await hydrated(lead);

  const child = await (await browser.newContext()).newPage();
  await child.goto(joinLink);
  await child.getByRole('button', { name: 'Start' }).click();
  await expect(child.getByText('SEND Transformation & Commissioning group will hear what you say.')).toBeVisible();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await expect(child.getByText('Question 1 of 2')).toBeVisible();
  await child.getByRole('textbox').fill('Open on Saturdays too please');
  await child.getByRole('button', { name: 'Next' }).click();
  await expect(child.getByText('Question 2 of 2')).toBeVisible();
  await child.getByText('Cooking').click();
  await child.getByRole('button', { name: 'Next' }).click();
  await child.getByRole('button', { name: "I'm worried" }).click();
  await expect(child.getByRole('heading', { name: 'Thank you for telling us' })).toBeVisible();

  // Live, without a reload: the facilitator's session and the lead's queue.
  await expect(facilitator.getByText('What children said (2)')).toBeVisible({ timeout: 2_000 });
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (1)' })).toBeVisible({ timeout: 2_000 });
  await expect(lead.getByRole('alert')).toContainText('A new concern has just arrived', { timeout: 2_000 });
  await expect(lead.locator('.concern-queue li', { hasText: place })).toHaveCount(1);
  await expectAccessible(lead);

  // The facilitator tags the words with a theme, then closes the session with its summary.
  const said = facilitator.locator('.contribution', { hasText: 'Open on Saturdays too please' });
  await said.getByText('Themes', { exact: true }).click();
  await said.getByLabel('Opening times').check();
  await said.getByRole('button', { name: 'Save the themes' }).click();
  await expect(said.getByText('Themes: Opening times')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Close the session' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Closing summary' })).toBeVisible();
  await expect(facilitator.getByText('1 child took part.')).toBeVisible();
  const byTheme = facilitator.locator('table', { has: facilitator.getByText('By theme') });
  await expect(byTheme.getByRole('row', { name: 'Opening times 1' })).toBeVisible();
  await expectAccessible(facilitator);

  // Decision makers cannot see or link what this child said while the concern is open.
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.getByRole('link', { name: 'Record a decision' }).click();
  await commissioner.getByLabel('Title').fill('Saturday opening');
  await commissioner.getByLabel('What was decided').fill('The club opens on Saturdays from May.');
  await commissioner.getByLabel('Status').selectOption('agreed');
  await commissioner.getByLabel('Date of the decision').fill('2026-11-23');
  await commissioner.getByRole('button', { name: 'Record the decision' }).click();
  await expect(commissioner.getByRole('heading', { name: 'Saturday opening' })).toBeVisible();
  await expect(commissioner.locator('#contribution option', { hasText: 'Open on Saturdays too please' })).toHaveCount(0);
});
