/**
 * `npm run test:corpus`: the corpus-wide checks, over every file of the shared corpus
 * (../shared/corpus, or EXHIBIT_CORPUS). The folder sweeps of `npm test` run again here with
 * corpus() reading the whole corpus instead of the fixtures; tests/corpus/ holds the checks
 * whose files cannot be kept in the repository.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts', 'tests/importers/bad-input.test.ts', 'tests/importers/corpus.test.ts'],
    env: { EXHIBIT_TEST_CORPUS: 'shared' },
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
