import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks, not tests: `npx playwright test --config bench.config.ts` against a running
// release (see BENCHMARKS.md). They print figures; they assert only that the journey worked.
export default defineConfig({
  ...base,
  testDir: './bench',
  timeout: 300_000,
});
