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

/**
 * CommonJS packages the CLI loads on every archive command, loaded with require(): Node's
 * import() of CommonJS first scans the file for its exports (cjs-module-lexer), which cost
 * some 20 ms of CPU a run for sqlite3, a fifth of a whole `exhibit search`.
 */
const REQUIRED = ['sqlite3'];
const requireCommonJs = {
  name: 'require-commonjs',
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'require-commonjs'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'require-commonjs' },
    );
    build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

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
  // commander is CommonJS and sqlite3 is loaded with require(): ES modules need a real require.
  banner: {
    js: "import { createRequire as __exhibitRequire } from 'node:module'; const require = __exhibitRequire(import.meta.url);",
  },
  sourcemap: true,
  plugins: [requireCommonJs],
  logLevel: 'warning',
});
