import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The end-to-end suite drives headless Chromium against the real server; it runs on its own,
// slowly and in one process, so it is kept out of the root unit-test config.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['web/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
