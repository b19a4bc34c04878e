import { test, expect } from './fixtures';
import { childWrites, expectAccessible, openSession, signIn } from './helpers';

test('a worried child reaches the safeguarding lead at once; the chronology grows; decision makers do not see the turn', async ({ browser }) => {
  const place = 'Library room, Thursday group';
  const { facilitator, code } = await openSession(browser, place);
  // The facilitator keeps the session page open; it must update itself.
  await expect(facilitator.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await expect(facilitator.getByText('What children said (0)')).toBeVisible();
  // Lundy's Space: the facilitator records the setting and adjustments; the page says what is missing.
  await expect(facilitator.locator('.space-gaps li')).toHaveCount(6);
  await facilitator.getByLabel('Setting').fill('Library, quiet corner');
  await facilitator.getByLabel('A quiet room').check();
  await facilitator.getByRole('button', { name: 'Save the Space record' }).click();
  await expect(facilitator.locator('.space-gaps li')).toHaveCount(4);
  await expectAccessible(facilitator);

  // A child says something, then presses "I'm worried".
  const child = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await child.goto(`/?code=${code}`);
  await child.getByRole('button', { name: 'Start' }).click();
  await child.getByRole('button', { name: "Yes, let's start" }).click();
  await child.getByText('Very sad').click();
  await child.getByRole('button', { name: 'Next' }).click();
  await child.getByRole('textbox').fill('Nobody listens to me at home');
  await child.getByRole('button', { name: 'Next' }).click();
  await child.getByRole('button', { name: "I'm worried" }).click();
  await expect(child.getByRole('heading', { name: 'Thank you for telling us' })).toBeVisible();

  // Within two seconds, without a reload, the facilitator sees what was said and the concern.
  await expect(facilitator.getByText('What children said (2)')).toBeVisible({ timeout: 2_000 });
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (1)' })).toBeVisible({ timeout: 2_000 });

  // The facilitator also raises a concern about what the child wrote.
  const words = facilitator.locator('.contribution', { hasText: 'Nobody listens to me at home' });
  await words.getByText('Raise a safeguarding concern about this').click();
  await words.getByLabel('What worries you').fill('Said quietly, looked upset.');
  await words.getByRole('button', { name: 'Raise the concern' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (2)' })).toBeVisible({ timeout: 2_000 });
  // Moderation: the facilitator hides an answer from decision makers, with the reason; it stays here.
  const face = facilitator.locator('.contribution', { hasText: 'Very sad' });
  await face.getByText('Hide it from decision makers').click();
  await face.getByLabel('Why').fill('Recorded by mistake');
  await face.getByRole('button', { name: 'Hide it' }).click();
  await expect(face.getByText('Hidden from decision makers: Recorded by mistake')).toBeVisible();
  await expectAccessible(facilitator);

  // The safeguarding lead sees both at once.
  const lead = await signIn(browser, 'safeguarding@heard.example', 'demo-safeguarding-password');
  await expect(lead.getByRole('status').filter({ hasText: /new safeguarding concern/ })).toBeVisible();
  await lead.getByRole('link', { name: 'Open the safeguarding queue' }).click();
  const ours = lead.locator('.concern-queue li', { hasText: place });
  await expect(ours).toHaveCount(2);
  await expect(ours.first()).toContainText('new, not opened yet');
  await expect(lead.getByLabel('English phrases, one per line')).toContainText('county lines');
  const polishList = lead.getByLabel('Polish phrases, one per line');
  await expect(polishList).toContainText('bije mnie');
  // The lead adds a Polish phrase; the lists are saved together as the next version.
  const version = Number((await lead.getByText(/^Version \d+\./).textContent())!.match(/\d+/)![0]);
  await polishList.fill(`${await polishList.inputValue()}\nnie mów tacie`);
  await lead.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(lead.getByText(`Version ${version + 1}.`, { exact: false })).toBeVisible();
  await expect(lead.getByLabel('Polish phrases, one per line')).toHaveValue(/nie mów tacie/);
  await expect(lead.getByLabel('English phrases, one per line')).toHaveValue(/county lines/);
  await expectAccessible(lead);
  await ours.filter({ hasText: 'A facilitator raised it' }).getByRole('link').click();
  await expect(lead.getByText('Nobody listens to me at home')).toBeVisible();
  const chronology = lead.locator('table.chronology');
  await expect(chronology).toContainText('Said quietly, looked upset.');
  await expect(chronology).toContainText('Opened');
  await expect(chronology).toContainText('safeguarding@heard.example');
  await expect(lead.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await lead.getByLabel('What kind of entry').selectOption('decision');
  await lead.getByLabel('What was decided or done, and why').fill('Spoke with the child; referral to early help.');
  await lead.getByRole('button', { name: 'Add entry' }).click();
  await expect(chronology).toContainText('Spoke with the child; referral to early help.');
  await expectAccessible(lead);

  // Decision makers cannot see or link what this child said while the concerns are open.
  const commissioner = await signIn(browser, 'commissioner@heard.example', 'demo-commissioner-password');
  await commissioner.getByRole('link', { name: 'Record a decision' }).click();
  await commissioner.getByLabel('Priority').selectOption({ label: '8. Develop our short breaks offer' });
  await commissioner.getByLabel('Title').fill('Someone to talk to at every short break');
  await commissioner.getByLabel('What was decided').fill('Each short break names an adult children can talk to.');
  await commissioner.getByLabel('Status').selectOption('agreed');
  await commissioner.getByLabel('Date of the decision').fill('2026-11-21');
  await commissioner.getByRole('button', { name: 'Record the decision' }).click();
  await expect(commissioner.getByRole('heading', { name: 'Someone to talk to at every short break' })).toBeVisible();
  await expect(commissioner.locator('#contribution option', { hasText: 'Nobody listens to me at home' })).toHaveCount(0);
});

test('writing in Polish is labelled with its language and, once translated, reaches the lead like English', async ({ browser }) => {
  const place = 'Polish Saturday school';
  const { facilitator, code } = await openSession(browser, place);
  // Not one of the Polish starting phrases: only a translation lets triage read it fully.
  const polish = 'Wujek mnie kopie, gdy mama wychodzi. Jest mi źle.';
  await childWrites(browser, code, polish);

  // Triage's kinds of harm are English: nothing is flagged until someone who reads Polish translates it.
  await facilitator.reload();
  await expect(facilitator.getByRole('heading', { name: /Concerns raised/ })).toHaveCount(0);
  const said = facilitator.locator('.contribution', { hasText: polish });
  const unchecked = said.getByText('This may be in another language.');
  await expect(unchecked).toBeVisible();
  await said.getByText('Written in another language? Add a translation').click();
  await said.getByLabel('Written in').selectOption({ label: 'Polish' });
  await said.getByLabel('In English').fill('My uncle kicks me when mum goes out. I feel bad.');
  await said.getByRole('button', { name: 'Save the translation' }).click();
  await expect(said.getByText('Written in Polish. In English: My uncle kicks me when mum goes out. I feel bad.')).toBeVisible();
  // The child's own words stay, marked as Polish for screen readers.
  await expect(said.locator('p.answer')).toHaveText(polish);
  await expect(said.locator('p.answer')).toHaveAttribute('lang', 'pl');
  await expect(facilitator.getByRole('heading', { name: 'Concerns raised (1)' })).toBeVisible();
  await expect(unchecked).toHaveCount(0);
  await expectAccessible(facilitator);

  const lead = await signIn(browser, 'safeguarding@heard.example', 'demo-safeguarding-password');
  await lead.getByRole('link', { name: 'Open the safeguarding queue' }).click();
  const ours = lead.locator('.concern-queue li', { hasText: place });
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText('Flagged by triage');
});
