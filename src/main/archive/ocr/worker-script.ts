/**
 * The script each OCR worker thread runs: tesseract.js's own Node worker, loaded from
 * node_modules, after two changes to the thread it runs in. Its `fetch` refuses every request,
 * so no path through the engine can reach the network (language data is given as local
 * files); and its console is silenced, since Tesseract prints notices ("Invalid resolution…")
 * that would otherwise land on the CLI's standard output, in the middle of its --json.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A data: URL Node's Worker runs as an ES module. */
export function ocrWorkerUrl(): URL {
  const tesseractWorker = require.resolve('tesseract.js/src/worker-script/node/index.js');
  const source = `
import { createRequire } from 'node:module';
const refuse = async (input) => { throw new Error('OCR uses no network (asked for ' + String(input) + ')'); };
globalThis.fetch = refuse;
for (const name of ['log', 'info', 'warn', 'error', 'debug']) console[name] = () => {};
createRequire(${JSON.stringify(tesseractWorker)})(${JSON.stringify(tesseractWorker)});
`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
