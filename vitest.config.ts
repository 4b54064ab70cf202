import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing built (npm run test:unit); `e2e` drives the built renderer in Chromium
// (npm run test:e2e builds it first). `vitest run` with no --project runs both, as npm test does after its build.
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], ...timeouts } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...timeouts } },
    ],
  },
});
