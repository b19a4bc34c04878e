import { test, expect, Page } from './fixtures';
import { childWrites, expectAccessible, openSession, signIn } from './helpers';

const hydrated = (page: Page) => expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });

test('a commissioner adds a priority linked to ambitions, changes it, and sees its page', async ({ browser }) => {
  const title = `Travel to short breaks ${Date.now() % 100000}`;
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.getByRole('link', { name: 'Strategies and priorities' }).click();
  await expect(commissioner.getByRole('heading', { name: 'Joint Commissioning 2025-2028' })).toBeVisible();
  await expect(commissioner.getByRole('link', { name: 'Develop our short breaks offer' })).toBeVisible();
  await expect(commissioner.getByRole('heading', { name: 'Our ambitions' })).toBeVisible();
  await hydrated(commissioner);
  await expectAccessible(commissioner);

  const ambition = `Every child has a say ${Date.now() % 100000}`;
  await commissioner.getByText('Add an ambition').click();
  await commissioner.getByLabel('The ambition').fill(ambition);
  await commissioner.getByRole('button', { name: 'Add the ambition' }).click();
  await expect(commissioner.locator('.ambitions li', { hasText: ambition })).toBeVisible();

  await commissioner.getByText('Add a priority to Joint Commissioning 2025-2028').click();
  const form = commissioner.locator('details', { hasText: 'Add a priority to Joint Commissioning 2025-2028' });
  // A priority without its How is refused and keeps what was typed.
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Why it matters').fill('Children told us getting there is the hardest part.');
  await form.getByLabel('What we want to achieve').fill('Every child can get to a short break.');
  await form.getByRole('button', { name: 'Add the priority' }).click();
  await expect(form.getByText('Please fill in how we will do it.')).toBeVisible();
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await form.getByLabel('How we will do it').fill('Commission travel buddies and accessible minibuses.');
  await form.getByLabel('Who owns it (a role, not a name)').fill('Short breaks commissioner');
  await form.getByLabel('Families and carers feel empowered and supported').check();
  await form.getByLabel('Clear aspirations and preparing for adulthood').check();
  await form.getByLabel(ambition).check();
  await form.getByRole('button', { name: 'Add the priority' }).click();

  await expect(commissioner.getByRole('heading', { name: title })).toBeVisible();
  await expect(commissioner.getByRole('paragraph').filter({ hasText: 'Commission travel buddies and accessible minibuses.' })).toBeVisible();
  await expect(commissioner.getByText(`Families and carers feel empowered and supported; Clear aspirations and preparing for adulthood; ${ambition}`)).toBeVisible();
  await expect(commissioner.getByRole('row', { name: 'Said 0' })).toBeVisible();
  await expect(commissioner.getByText('No activity has asked children about this priority yet.')).toBeVisible();
  await hydrated(commissioner);
  await expectAccessible(commissioner);

  await commissioner.getByText('Change this priority').click();
  await commissioner.getByLabel('Who owns it (a role, not a name)').fill('Head of SEND commissioning');
  await commissioner.getByRole('button', { name: 'Save' }).click();
  await expect(commissioner.getByRole('definition').filter({ hasText: 'Head of SEND commissioning' })).toBeVisible();

  // The short breaks priority shows what children were asked and its decisions.
  await commissioner.goto('/staff/priorities/priority-8');
  await expect(commissioner.getByRole('heading', { name: 'Develop our short breaks offer' })).toBeVisible();
  await expect(commissioner.getByText(/^Asked in: .*What makes a good short break\?/)).toBeVisible();
  await expect(commissioner.getByRole('heading', { name: 'Decisions under it' })).toBeVisible();
});

test('what a child said is found by age band, way of answering and step, and the audit counts the session', async ({ browser }) => {
  const words = `A bus that waits for me ${Date.now() % 100000}`;
  const place = `Library ${Date.now() % 100000}`;
  const { facilitator, code } = await openSession(browser, place);

  const child = await childWrites(browser, code, words, async (welcome) => {
    await welcome.getByLabel('11 to 15').check();
    await expectAccessible(welcome);
  });
  await child.getByRole('group', { name: 'Did you feel listened to today?' }).getByText('Happy', { exact: true }).click();
  await child.getByRole('button', { name: 'Send' }).click();
  await expect(child.getByTestId('receipt-code')).toBeVisible();

  await facilitator.goto('/staff');
  await facilitator.getByRole('link', { name: 'Search what children said' }).click();
  await facilitator.getByLabel('Age band').selectOption('11-15');
  await facilitator.getByLabel('Way of answering').selectOption('text');
  await facilitator.getByLabel('How far it got').selectOption('said');
  await facilitator.getByRole('button', { name: 'Search' }).click();
  await expect(facilitator).toHaveURL(/age=11-15/);
  const row = facilitator.getByRole('row', { name: new RegExp(words) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '11 to 15' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Said, not heard yet' })).toBeVisible();
  await hydrated(facilitator);
  await expectAccessible(facilitator);
  // The same words are not found among answers already fed back.
  await facilitator.getByLabel('How far it got').selectOption('fed_back');
  await facilitator.getByRole('button', { name: 'Search' }).click();
  await expect(facilitator).toHaveURL(/stage=fed_back/);
  await expect(facilitator.getByRole('row', { name: new RegExp(words) })).toHaveCount(0);

  await facilitator.goto('/staff/evidence/audit');
  const session = facilitator.getByRole('row', { name: new RegExp(place) });
  await expect(session).toBeVisible();
  await expect(session.getByRole('cell', { name: '0 of 1' })).toBeVisible();
  await expect(facilitator.getByText(/^Did you feel listened to today\? .*Happy [1-9]\d*,/)).toBeVisible();
  await hydrated(facilitator);
  await expectAccessible(facilitator);

  // The dashboard can be cut by decisions' stage; nothing decided at "Review" holds these words.
  await facilitator.goto('/staff/evidence?stage=review&level=individual');
  await expect(facilitator.getByLabel('Decisions at the stage of the commissioning cycle')).toHaveValue('review');
  await expect(facilitator.getByRole('heading', { name: 'Decisions by stage of the commissioning cycle and outcome level' })).toBeVisible();
  await expect(facilitator.getByRole('row', { name: 'Said 0' })).toBeVisible();
  await hydrated(facilitator);
  await expectAccessible(facilitator);
});
