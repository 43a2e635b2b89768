/** exhibit verify BUNDLE.zip: checks an evidence bundle against itself (no archive needed), and says who signed it. */
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, print, printJson, type GlobalOptions } from '../context.js';

export function registerVerifyCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('verify')
    .description(
      "verify an evidence bundle: its signature, every file's SHA-256, and every quote at its place in the re-extracted originals",
    )
    .argument('<bundle>', 'the bundle .zip')
    .option('--require-trusted', 'fail (exit 1) unless the bundle is signed by your own key or one you trust')
    .action(async (path: string, o: { requireTrusted?: boolean }) => {
      const g = globals();
      // Loaded when run: the verifier brings the importers (pdf.js…) to re-extract the originals.
      const [{ verifyBundle }, { cliTrustContext }] = await Promise.all([
        import('../../archive/export/verify.js'),
        import('../signing.js'),
      ]);
      const { trust, warnings } = await cliTrustContext();
      const report = await verifyBundle(path, undefined, trust);
      const signature = report.signature;
      const untrusted = o.requireTrusted === true && !(signature?.status === 'signed' && signature.trusted);
      const ok = report.ok && !untrusted;
      for (const w of warnings) process.stderr.write(`exhibit: warning: ${w}\n`);
      if (g.json) {
        printJson({
          ok,
          problems: report.problems,
          signature,
          bundleId: report.bundleId,
          documents: report.documents,
          quotes: report.quotes,
          files: report.files,
          notes: report.notes,
        });
      } else {
        print(
          `${path}: bundle ${report.bundleId ?? '(unknown)'} · ${report.documents} document(s) · ${report.quotes} quote(s) · ${report.files} file(s)`,
        );
        if (signature && signature.status !== 'invalid') print(signature.message);
        for (const p of report.problems) print(`problem (${p.kind}): ${p.message}`);
        for (const n of report.notes) print(`note: ${n}`);
        if (!report.ok) print(`${report.problems.length} problem(s) found: the bundle does not verify.`);
        else if (untrusted)
          print('The bundle holds together, but it is not signed by a key you trust (--require-trusted).');
        else print('Verified: every original matches its SHA-256 and every quote stands at its place.');
      }
      process.exitCode = ok ? EXIT_OK : EXIT_FAILED;
    });
}
