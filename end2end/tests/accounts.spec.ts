import { test, expect } from './fixtures';
import { expectAccessible, signIn, totpCode } from './helpers';

test('an admin invites a safeguarding lead, who sets up their app; turning the account off ends their sign-in', async ({ browser }) => {
  const admin = await signIn(browser, 'admin@heard.example', 'demo-admin-password');
  await admin.getByRole('link', { name: 'People: invite, roles, accounts' }).click();
  await expect(admin.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await admin.getByLabel('Their work email').fill('dsl@council.example');
  await admin.locator('#invite-role').selectOption('safeguarding_lead');
  await admin.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = (await admin.locator('.invite-link').textContent())!.trim();
  expect(link).toMatch(/\/staff\/invite\/[0-9a-f]{64}$/);
  await expectAccessible(admin);

  const lead = await (await browser.newContext()).newPage();
  await lead.goto(new URL(link).pathname);
  await lead.getByLabel('Password').fill('tea4two');
  await lead.getByRole('button', { name: 'Create my account' }).click();
  await expect(lead.getByRole('alert')).toContainText('at least 10 characters');
  await lead.getByLabel('Password').fill('password123');
  await lead.getByRole('button', { name: 'Create my account' }).click();
  await expect(lead.getByRole('alert')).toContainText('most common');
  await lead.getByLabel('Password').fill('teapot meadow lantern');
  await lead.getByRole('button', { name: 'Create my account' }).click();

  await expect(lead.getByText('Your account is ready.')).toBeVisible();
  await lead.getByLabel('Email').fill('dsl@council.example');
  await lead.getByLabel('Password').fill('teapot meadow lantern');
  await lead.getByRole('button', { name: 'Next' }).click();
  await expect(lead.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  await expect(lead.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectAccessible(lead);
  const secret = (await lead.locator('code.secret').textContent())!.trim();
  await expect(lead.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await lead.getByLabel('The 6-digit code your app shows, or a recovery code').fill('123456');
  await lead.getByRole('button', { name: 'Sign in' }).click();
  await expect(lead.getByRole('alert')).toContainText('did not work');
  await lead.getByLabel('The 6-digit code your app shows, or a recovery code')
    .fill(totpCode(secret, Math.floor(Date.now() / 30_000)));
  await lead.getByRole('button', { name: 'Sign in' }).click();
  await expect(lead.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  await expect(lead.locator('.recovery-codes li')).toHaveCount(10);
  await lead.getByRole('link', { name: 'I have kept them: continue' }).click();
  await expect(lead.getByText('Signed in as dsl@council.example (Safeguarding lead)')).toBeVisible();

  // The admin turns the account off: the lead's sign-in ends at once.
  await admin.reload();
  await expect(admin.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await admin.getByRole('button', { name: 'Turn off dsl@council.example' }).click();
  await expect(admin.getByRole('row', { name: /dsl@council.example/ })).toContainText('Turned off');
  await lead.reload();
  await expect(lead.getByRole('alert')).toContainText('Please sign in');
});
