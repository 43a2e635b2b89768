import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The corpus-wide checks need the shared corpus outside the repository: `npm run test:corpus`.
    exclude: [...configDefaults.exclude, 'tests/corpus/**'],
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Imports parse real PDFs and build real SQLite archives: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
