import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { expectAccessible, totpCode } from './helpers';

// A council's first account, as the README says to make it: `server admin create` on the
// server's own machine prints a link; the admin sets their password and second factor like
// everyone else. .ci/test tells this test where the Heard under test keeps its data.
test('a deployment\'s first admin comes from `server admin create`: the link sets up the account, once', async ({ browser, baseURL }) => {
  const dataDir = process.env.HEARD_DATA_DIR;
  if (!dataDir) throw new Error('Set HEARD_DATA_DIR to the data directory of the Heard under test (.ci/test does).');
  const printed = execFileSync('../target/release/server', ['admin', 'create', '--email', 'first.admin@council.example'], {
    env: { ...process.env, HEARD_DATA_DIR: dataDir, HEARD_PUBLIC_URL: baseURL },
    encoding: 'utf8',
  });
  expect(printed).toContain('it works once, within 7 days');
  const link = printed.match(/https?:\/\/\S+\/staff\/invite\/[0-9a-f]{64}/)![0];
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(link);
  await admin.getByLabel('Password').fill('kettle harbour violet');
  await admin.getByRole('button', { name: 'Create my account' }).click();
  await expect(admin.getByText('Your account is ready.')).toBeVisible();
  await admin.getByLabel('Email').fill('first.admin@council.example');
  await admin.getByLabel('Password').fill('kettle harbour violet');
  await admin.getByRole('button', { name: 'Next' }).click();
  await expect(admin.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  const secret = (await admin.locator('code.secret').textContent())!.trim();
  await admin.getByLabel('The 6-digit code your app shows, or a recovery code')
    .fill(totpCode(secret, Math.floor(Date.now() / 30_000)));
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  await admin.getByRole('link', { name: 'I have kept them: continue' }).click();
  await expect(admin.getByText('Signed in as first.admin@council.example (Admin)')).toBeVisible();
  // An admin: they invite everyone else.
  await admin.getByRole('link', { name: 'People: invite, roles, accounts' }).click();
  await expect(admin.getByLabel('Their work email')).toBeVisible();
  await expectAccessible(admin);

  // The link has done its work: nobody else can use it.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await stranger.getByLabel('Password').fill('another long password');
  await stranger.getByRole('button', { name: 'Create my account' }).click();
  await expect(stranger.getByRole('alert')).toContainText(/expired or was already used|already used/);
});
