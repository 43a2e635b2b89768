// Bundles the CLI (src/main/cli) into out/cli/exhibit.js, and the worker that reads untrusted
// files into out/cli/extract-worker.js. Each command's part of the core is a chunk of its own
// (out/cli/chunks), loaded by that command's dynamic import(): `exhibit --help` and
// `exhibit search` never load pdf.js, citeproc, the importers or the exporters.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * Bundled in, for start-up time: kysely is some 250 small ES modules (resolving them took
 * longer than the search itself) and commander, which every command loads, 8 CommonJS ones.
 */
const BUNDLED = new Set(['kysely', 'commander']);
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));

// Chunk names carry a hash: clear the old ones so out/cli holds one build.
rmSync('out/cli', { recursive: true, force: true });
await build({
  entryPoints: { exhibit: 'src/main/cli/main.ts', 'extract-worker': 'src/main/archive/importers/extract-worker.ts' },
  outdir: 'out/cli',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // Other dependencies stay in node_modules (sqlite3 is native; pdf.js finds its own files).
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() of Node's modules needs a real require in ES modules.
  banner: { js: "import { createRequire as __exhibitRequire } from 'node:module'; const require = __exhibitRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
