// Bundles the CLI (src/main/cli) into out/cli/exhibit.js, and the worker that reads untrusted
// files into out/cli/extract-worker.js; dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { exhibit: 'src/main/cli/main.ts', 'extract-worker': 'src/main/archive/importers/extract-worker.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
