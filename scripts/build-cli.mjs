// Bundles the CLI (src/main/cli) into out/cli/exhibit.js; dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { exhibit: 'src/main/cli/main.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
