import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'],
    // FFmpeg on real recordings on a 2-core machine: generous, but a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
