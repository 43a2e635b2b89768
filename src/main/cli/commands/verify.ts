/** exhibit verify BUNDLE.zip: checks an evidence bundle against itself (no archive needed). */
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, print, printJson, type GlobalOptions } from '../context.js';

export function registerVerifyCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('verify')
    .description("verify an evidence bundle: every file's SHA-256, and every quote at its place in the re-extracted originals")
    .argument('<bundle>', 'the bundle .zip')
    .action(async (path: string) => {
      const g = globals();
      // Loaded when run: the verifier brings the importers (pdf.js…) to re-extract the originals.
      const { verifyBundle } = await import('../../archive/export/verify.js');
      const report = await verifyBundle(path);
      if (g.json) printJson({ ok: report.ok, problems: report.problems, bundleId: report.bundleId, documents: report.documents, quotes: report.quotes, files: report.files, notes: report.notes });
      else {
        print(`${path}: bundle ${report.bundleId ?? '(unknown)'} · ${report.documents} document(s) · ${report.quotes} quote(s) · ${report.files} file(s)`);
        for (const p of report.problems) print(`problem (${p.kind}): ${p.message}`);
        for (const n of report.notes) print(`note: ${n}`);
        print(report.ok ? 'Verified: every original matches its SHA-256 and every quote stands at its place.' : `${report.problems.length} problem(s) found: the bundle does not verify.`);
      }
      process.exitCode = report.ok ? EXIT_OK : EXIT_FAILED;
    });
}
