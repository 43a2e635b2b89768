/** exhibit sample: builds the sample case into the archive. */
import type { Command } from 'commander';
import { extractAfterImport } from '../extract-after-import.js';
import { EXIT_FAILED, EXIT_OK, print, printJson, sayBusy, withArchive, type GlobalOptions } from '../context.js';

const sampleCore = () => import('../../archive/sample.js');

export function registerSampleCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sample')
    .description('import the sample case (a facial-recognition story) into the archive')
    .action(async () => {
      const g = globals();
      const results = await withArchive(g, sampleCore, (a, { importSampleCase }) =>
        importSampleCase(a, { onBusy: sayBusy }),
      );
      if (g.json) printJson({ results });
      else
        for (const r of results)
          print(`${r.status.padEnd(10)} ${r.path} → document ${r.documentId ?? '—'}${r.error ? ` (${r.error})` : ''}`);
      process.exitCode = results.some((r) => r.status === 'failed') ? EXIT_FAILED : EXIT_OK;
      if (results.some((r) => r.status === 'imported')) await extractAfterImport(g, !g.json && process.stderr.isTTY);
    });
}
