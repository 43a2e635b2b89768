// Preloaded with `node --import` by tests/cli/startup.test.ts: appends the URL of every module
// this thread loads to the file named by EXHIBIT_LOADED_MODULES, one a line, as it loads.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const out = process.env.EXHIBIT_LOADED_MODULES;
if (out) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(out, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
