/**
 * exhibit trust add FINGERPRINT [--name NAME] | list | remove FINGERPRINT, and
 * exhibit key show | create: whose signed bundles you trust, and your own key's
 * fingerprint to hand to a colleague. Your own key is trusted implicitly.
 */
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, print, printJson, UsageError, type GlobalOptions } from '../context.js';

/** Keys and the trust file load when one of these commands runs (the trust file's schema is zod's). */
async function signingCore() {
  const [keys, trust, cli] = await Promise.all([
    import('../../archive/signing/keys.js'),
    import('../../archive/signing/trust-store.js'),
    import('../signing.js'),
  ]);
  return { ...keys, ...trust, ...cli };
}

async function ownFingerprint(): Promise<string | null> {
  const { loadSigningKey, cliKeyStore } = await signingCore();
  return (await loadSigningKey(cliKeyStore()))?.fingerprint ?? null;
}

export function registerTrustCommands(program: Command, globals: () => GlobalOptions): void {
  const trust = program
    .command('trust')
    .description('the keys whose signed bundles you trust (your own key is trusted implicitly)');

  trust
    .command('add')
    .description('trust bundles signed by this key')
    .argument('<fingerprint>', 'the key’s fingerprint, as `exhibit key show` prints it')
    .option('--name <name>', 'whose key it is, shown when verifying')
    .action(async (fingerprint: string, o: { name?: string }) => {
      const name = o.name?.trim();
      if (o.name !== undefined && !name) throw new UsageError('--name: give a name, or leave --name out');
      const { addTrustedKey, trustFilePath } = await signingCore();
      const { key, added } = await addTrustedKey(trustFilePath(), fingerprint, name ?? null);
      if (globals().json) printJson({ ...key, added });
      else
        print(
          `${added ? 'Trusted' : 'Already trusted, updated'}: ${key.fingerprint}${key.name ? ` (${key.name})` : ''}`,
        );
      process.exitCode = EXIT_OK;
    });

  trust
    .command('list')
    .description('the keys you trust')
    .action(async () => {
      const { readTrustedKeys, trustFilePath } = await signingCore();
      const keys = await readTrustedKeys(trustFilePath());
      const own = await ownFingerprint().catch(() => null);
      if (globals().json) printJson({ own, keys });
      else {
        print(
          own
            ? `${own}  your own key (trusted implicitly)`
            : 'You have no signing key yet: one is made on your first bundle export.',
        );
        for (const k of keys) print(`${k.fingerprint}  ${k.name ?? '(no name)'}  added ${k.added}`);
        if (keys.length === 0)
          print('No other trusted keys. Add a colleague’s with: exhibit trust add FINGERPRINT --name NAME');
      }
      process.exitCode = EXIT_OK;
    });

  trust
    .command('remove')
    .description('stop trusting a key')
    .argument('<fingerprint>', 'the key’s fingerprint')
    .action(async (fingerprint: string) => {
      const { removeTrustedKey, trustFilePath } = await signingCore();
      const removed = await removeTrustedKey(trustFilePath(), fingerprint);
      if (globals().json) printJson({ removed });
      else
        print(
          removed
            ? `No longer trusted: ${removed.fingerprint}${removed.name ? ` (${removed.name})` : ''}`
            : `${fingerprint} was not among your trusted keys`,
        );
      process.exitCode = removed ? EXIT_OK : EXIT_FAILED;
    });

  const key = program.command('key').description('your signing key, which signs the evidence bundles you export');

  key
    .command('show')
    .description('your key’s fingerprint, for a colleague to trust (exhibit trust add)')
    .action(async () => {
      const fingerprint = await ownFingerprint();
      const { keyFilePath } = await signingCore();
      if (globals().json) printJson({ fingerprint, file: keyFilePath() });
      else if (fingerprint) print(`${fingerprint}  your signing key (${keyFilePath()})`);
      else
        print('You have no signing key yet: one is made on your first bundle export, or now with: exhibit key create');
      process.exitCode = fingerprint ? EXIT_OK : EXIT_FAILED;
    });

  key
    .command('create')
    .description('make your signing key now (it is otherwise made on your first bundle export)')
    .action(async () => {
      const { loadOrCreateSigningKey, cliKeyStore, keyFilePath } = await signingCore();
      const made = await loadOrCreateSigningKey(cliKeyStore());
      if (globals().json) printJson({ fingerprint: made.fingerprint, file: keyFilePath(), created: made.created });
      else
        print(
          `${made.created ? 'Made your signing key' : 'You already have a signing key'}: ${made.fingerprint} (${keyFilePath()})`,
        );
      process.exitCode = EXIT_OK;
    });
}
