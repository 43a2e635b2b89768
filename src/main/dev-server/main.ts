/**
 * `npm run dev:web -- --archive FILE [--port N] [--sample] [--renderer DIR]`: the built
 * renderer in a local browser over the real core. Prints the address (with its token).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listDocuments, messageOf } from '../archive/index.js';
import { importSampleCase } from '../archive/sample.js';
import { ArchiveSession } from '../ipc/session.js';
import { startDevServer } from './server.js';

const USAGE = 'usage: npm run dev:web -- --archive FILE [--port N] [--sample] [--renderer DIR]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        archive: { type: 'string' },
        port: { type: 'string', default: '0' },
        sample: { type: 'boolean', default: false },
        renderer: { type: 'string', default: resolve(import.meta.dirname, '../../../out/renderer') },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`dev:web: ${messageOf(error)}\n${USAGE}\n`);
    return 2;
  }
  if (!values.archive) {
    process.stderr.write(`dev:web: --archive FILE is required\n${USAGE}\n`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`dev:web: --port ${values.port}: not a port number\n`);
    return 2;
  }
  const rendererDir = resolve(values.renderer);
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    process.stderr.write(
      `dev:web: ${rendererDir}/index.html is missing: run "npm run build" first (npm run dev:web does)\n`,
    );
    return 1;
  }
  const session = new ArchiveSession();
  const archive = await session.open(resolve(values.archive), { create: true });
  if (values.sample && (await listDocuments(archive.db)).length === 0) {
    const results = await importSampleCase(archive);
    process.stdout.write(
      `sample case: ${results.filter((r) => r.status === 'imported').length} document(s) imported\n`,
    );
  }
  const server = await startDevServer({ session, rendererDir, port });
  process.stdout.write(`Exhibit development server (loopback only) on ${archive.path}\n${server.url}\n`);
  const stop = () => {
    void server
      .close()
      .then(() => session.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dev:web: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
