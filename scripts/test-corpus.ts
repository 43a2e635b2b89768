/**
 * `npm run test:corpus`: the corpus-wide checks (vitest.corpus.config.ts) over the shared corpus.
 * Where the corpus is absent (a clone with nothing beside it) it says so in one line and exits 0:
 * the checks were not run, which is not a failure of the code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(process.env['EXHIBIT_CORPUS'] ?? resolve(root, '../shared/corpus'));
const folders = ['hostile', 'pdf-bad', 'docx', 'eml', 'html', 'text'];
const missing = folders.filter((f) => !existsSync(resolve(corpus, f)));

if (missing.length === folders.length) {
  console.log(
    `test:corpus: no corpus at ${corpus} (set EXHIBIT_CORPUS to its folder); the corpus-wide checks were not run.`,
  );
  process.exit(0);
}
if (missing.length) {
  console.error(
    `test:corpus: the corpus at ${corpus} lacks ${missing.join(', ')}/; the corpus-wide checks need all of ${folders.join(', ')}.`,
  );
  process.exit(1);
}
console.log(`test:corpus: corpus-wide checks over ${corpus}`);
const vitest = spawnSync('vitest', ['run', '--config', 'vitest.corpus.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, EXHIBIT_CORPUS: corpus },
});
process.exit(vitest.status ?? 1);
