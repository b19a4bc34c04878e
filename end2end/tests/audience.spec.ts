import { test, expect, Page } from './fixtures';
import { childWrites, expectAccessible, openSession, signIn } from './helpers';

const hydrated = (page: Page) => expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });

test('a pack is heard and acknowledged, a decision is fed back, and the child says whether we got it right', async ({ browser }) => {
  const words = `More swimming at weekends ${Date.now() % 100000}`;
  const { facilitator, code } = await openSession(browser, 'Leisure centre, Saturday group');

  // A child says something.
  const child = await childWrites(browser, code, words);
  await child.getByRole('button', { name: 'Send' }).click();
  const receipt = (await child.getByTestId('receipt-code').textContent())!.trim();

  // The facilitator builds a hearing pack for the forum and presents it.
  await facilitator.goto('/staff/hearings');
  await hydrated(facilitator);
  await facilitator.getByText('Build a new hearing pack').click();
  await facilitator.getByLabel('Title').fill('Short breaks: what children told us');
  await facilitator.getByLabel('Date of the meeting').fill('2026-12-03');
  await facilitator.getByRole('button', { name: 'Start the pack' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Short breaks: what children told us' })).toBeVisible();
  await facilitator.getByLabel('Summary for the forum').fill('Children asked for more swimming.');
  await facilitator.getByRole('button', { name: 'Save the summary' }).click();
  const candidate = facilitator.locator('#candidates-heading ~ ol .contribution', { hasText: words });
  await candidate.getByRole('button', { name: 'Add to the pack' }).click();
  await expect(facilitator.getByRole('heading', { name: 'In the pack (1)' })).toBeVisible();
  await expectAccessible(facilitator);
  await facilitator.getByRole('button', { name: 'Mark the pack as presented' }).click();
  await expect(facilitator.getByText(/^Presented to SEND Transformation & Commissioning group/)).toBeVisible();

  // A member of the forum says they heard it, and responds.
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.getByRole('link', { name: 'Hearings: what forums heard' }).click();
  const waiting = commissioner.locator('section', { has: commissioner.getByRole('heading', { name: 'For you to acknowledge' }) });
  await waiting.getByRole('link', { name: 'Short breaks: what children told us' }).first().click();
  await hydrated(commissioner);
  await expect(commissioner.getByText(words)).toBeVisible();
  await commissioner.getByLabel('Your response to the children\'s views (optional)').fill('We will look at pool times.');
  await commissioner.getByRole('button', { name: 'I heard what the children said' }).click();
  await expect(commissioner.getByRole('row', { name: /commissioner@heard.example .* We will look at pool times\./ })).toBeVisible();
  await expectAccessible(commissioner);

  // The commissioner decides, links what the child said, publishes, then updates the decision.
  await commissioner.goto('/staff/decisions/new');
  await commissioner.getByLabel('Priority').selectOption({ label: '8. Develop our short breaks offer' });
  await commissioner.getByLabel('Title').fill('Weekend swimming');
  await commissioner.getByLabel('What was decided').fill('Two weekend swimming sessions at each short break.');
  await commissioner.getByLabel('Status', { exact: true }).selectOption('agreed');
  await commissioner.getByLabel('Date of the decision').fill('2026-12-04');
  await commissioner.getByLabel('Who decided').fill('Commissioning panel');
  await commissioner.getByLabel('Stage in the commissioning cycle').selectOption('do');
  await commissioner.getByRole('button', { name: 'Record the decision' }).click();
  await expect(commissioner.getByRole('heading', { name: 'Weekend swimming' })).toBeVisible();
  await hydrated(commissioner);
  const option = commissioner.locator('#contribution option', { hasText: words });
  await commissioner.getByLabel('Contribution').selectOption(await option.getAttribute('value'));
  await commissioner.getByLabel('How it shaped the decision').fill('You asked for swimming at weekends.');
  await commissioner.getByRole('button', { name: 'Link' }).click();
  await expect(commissioner.getByText('Because: You asked for swimming at weekends.')).toBeVisible();
  await commissioner.getByLabel('Message', { exact: true }).fill('There will be swimming on Saturdays and Sundays.');
  await commissioner.getByLabel('Easy-read message').fill('Swimming at weekends: yes.');
  await commissioner.getByLabel('A picture to go with it').selectOption({ label: 'Swimming' });
  const decisionPage = commissioner.url();
  const evidence = await commissioner.context().newPage();
  const fedBack = async () => {
    await evidence.goto('/staff/evidence?priority=priority-8');
    return Number(await evidence.getByRole('row', { name: /Fed back to the children/ }).getByRole('cell').textContent());
  };
  const fedBackBefore = await fedBack();
  await commissioner.getByRole('button', { name: 'Publish to the children' }).click();
  await expect(commissioner.getByText(/Published on/)).toBeVisible();
  expect(commissioner.url()).toBe(decisionPage);
  await commissioner.getByLabel('Status', { exact: true }).last().selectOption('in_progress');
  await commissioner.getByRole('button', { name: 'Change the status' }).click();
  await commissioner.getByLabel('An update on the outcome').fill('The pool is booked from January.');
  await commissioner.getByRole('button', { name: 'Add the update' }).click();
  const history = commissioner.locator('table.timeline');
  await expect(history.getByRole('row')).toHaveCount(6);
  await expect(history).toContainText('The pool is booked from January.');
  await expect(history).toContainText('In progress');
  await expectAccessible(commissioner);
  // The message in Welsh, beside the English.
  const inOthers = commissioner.locator('#feedback-translations');
  await expect(inOthers).toContainText('The message is missing in Welsh, Polish, Romanian, Urdu, Arabic.');
  await inOthers.getByText('Welsh (Cymraeg): not translated').click();
  await inOthers.getByLabel('Message in Welsh', { exact: true }).fill('Bydd nofio ar ddydd Sadwrn a dydd Sul.');
  await inOthers.getByLabel('Easy-read message in Welsh').fill('Nofio ar y penwythnos: ie.');
  await inOthers.getByRole('button', { name: 'Save the Welsh message' }).click();
  await expect(inOthers).toContainText('The message is missing in Polish, Romanian, Urdu, Arabic.');
  await expectAccessible(commissioner);

  // The evidence: the dashboard moved, the report renders, the CSV downloads, and all of it is recorded.
  expect(await fedBack()).toBe(fedBackBefore + 1);
  await expectAccessible(evidence);
  await evidence.getByRole('link', { name: 'Evidence report (print or save as PDF)' }).click();
  await expect(evidence.getByRole('heading', { name: "Evidence of children's influence" })).toBeVisible();
  await expect(evidence.getByRole('img', { name: "How far children's contributions got" })).toBeVisible();
  await expect(evidence.locator('.quotes')).toContainText(words);
  await expect(evidence.getByRole('heading', { name: 'Weekend swimming' })).toBeVisible();
  await expectAccessible(evidence);
  await evidence.goBack();
  const [download] = await Promise.all([
    evidence.waitForEvent('download'),
    evidence.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('activity,said on,question,way,answer,themes,heard,decisions,fed back on');
  expect(csv).toContain(words);
  expect(csv).toContain('Weekend swimming');
  expect(csv).not.toContain(receipt);
  await evidence.reload();
  await expect(evidence.locator('table.exports tr', { hasText: 'csv' }).first()).toContainText('commissioner@heard.example');

  // The child's receipt: said, heard (when, by how many), decided, fed back; then "did we get it right?".
  const home = await (await browser.newContext()).newPage();
  await home.goto(`/receipt/${receipt}`);
  const said = home.locator('.said', { hasText: words });
  await expect(said).toContainText('SEND Transformation & Commissioning group heard it on 3 December 2026. People who said they heard it: 1.');
  await expect(said).toContainText('Swimming at weekends: yes.');
  await expect(said).toContainText('In progress: Weekend swimming');
  await expectAccessible(home);
  await said.getByRole('group', { name: 'Did we get it right?' }).getByText('Happy', { exact: true }).click();
  await said.getByRole('button', { name: 'Tell us' }).click();
  await expect(home.locator('.said', { hasText: words })).toContainText('You told us: Happy.');
  await expectAccessible(home);
  // In Welsh: the commissioner's Welsh message, in the page's language, and the day in Welsh.
  await home.getByRole('button', { name: 'Cymraeg' }).click();
  const inWelsh = home.locator('.said', { hasText: words });
  await expect(inWelsh.locator('.we-did .easy-read')).toHaveText('Nofio ar y penwythnos: ie.');
  await expect(inWelsh.locator('.we-did .easy-read')).not.toHaveAttribute('lang', /.+/);
  await expect(inWelsh).toContainText('3 Rhagfyr 2026');
  await expectAccessible(home);
  await home.getByRole('button', { name: 'English' }).click();

  // The public board, and the start of the next session of the activity.
  await home.goto('/board');
  await expect(home.getByText('Swimming at weekends: yes.')).toBeVisible();
  await expect(home.getByText(words)).toHaveCount(0);
  await expectAccessible(home);

  const next = await openSession(browser, 'Leisure centre, next month');
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(`/?code=${next.code}`);
  await newcomer.getByRole('button', { name: 'Start' }).click();
  await expect(newcomer.getByRole('heading', { name: 'Last time, children told us. This is what we did.' })).toBeVisible();
  await expect(newcomer.getByText('Swimming at weekends: yes.')).toBeVisible();
  await expectAccessible(newcomer);
});
