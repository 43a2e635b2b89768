#!/usr/bin/env node
// The exhibit command. The CLI is bundled into out/cli by `npm install` (prepare).
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`exhibit: Node 22 or later is needed (this is ${process.version})\n`);
  process.exit(2);
}
// V8 keeps the compiled CLI on disk (in the OS temp folder): later runs skip parsing it.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { run, configureExtraction, endQuietlyOnClosedOutput } = await import('../out/cli/exhibit.js');
// `exhibit search senator | head -2`: no EPIPE stack trace when the reader stops early.
endQuietlyOnClosedOutput(process.stdout, process.stderr);
// Untrusted files are read in a worker thread under time and memory limits.
configureExtraction({ workerScript: new URL('../out/cli/extract-worker.js', import.meta.url) });
process.exitCode = await run(process.argv.slice(2));
