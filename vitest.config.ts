import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests each drive a browser and a host: one file at a time keeps the
    // two cores of the build machines from being oversubscribed.
    fileParallelism: false,
  },
})
