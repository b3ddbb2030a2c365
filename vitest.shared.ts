// The Vitest settings every package and workload shares: each package's vitest.config.ts re-exports these.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests spawn real processes and threads; running files one at a time keeps a 2-core
    // machine from starving the children that the tests wait on.
    fileParallelism: false,
  },
});
