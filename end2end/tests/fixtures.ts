import { test as base, BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';

// Every page of every journey is watched for Content-Security-Policy violations: the browser
// reports them on the console ("Refused to …"), and a listener on each page names the directive
// and what it blocked. A journey that causes one fails, so read-aloud, recording, drawing and
// the offline worker are all checked under the policy the server really sends.
const violations: string[] = [];

function watch(context: BrowserContext) {
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame|create)/.test(text)) {
      violations.push(`${message.location().url}: ${text}`);
    }
  });
  return context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy: ${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
}

export const test = base.extend<{ cspClean: void }, { watchedBrowser: void }>({
  watchedBrowser: [async ({ browser }, use) => {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await watch(context);
      return context;
    };
    await use();
  }, { scope: 'worker', auto: true }],
  cspClean: [async ({}, use) => {
    violations.length = 0;
    await use();
    if (violations.length > 0) {
      throw new Error(`The page's Content-Security-Policy was violated:\n${[...new Set(violations)].join('\n')}`);
    }
  }, { auto: true }],
});
