// Runs @doyensec/electronegativity over the app's sources (part of `npm run lint`) and fails
// on any finding not justified in the source. A justification is a comment on the flagged
// line or up to three lines above it:
//     // electronegativity-justified: CHECK_ID -- why this is safe here
// The full report is written to .tmp/electronegativity.csv and .sarif.
// Electronegativity fetches translations from the network on start; this script loads
// its bundled English strings instead, so linting stays offline.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPackage = createRequire(join(packageDir, 'package.json'));

// Offline i18n: same configuration as electronegativity's own, minus the download.
const i18nPath = join(packageDir, 'dist', 'locales', 'i18n.js');
const i18n = fromPackage('i18n');
const offlineI18n = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
fromPackage.cache[i18nPath] = { id: i18nPath, filename: i18nPath, loaded: true, exports: offlineI18n };
const run = fromPackage('./dist/runner.js');

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const input = join(root, 'src');
const outDir = join(root, '.tmp');
mkdirSync(outDir, { recursive: true });

const scan = (output, isSarif) =>
  run({
    input,
    output,
    isSarif,
    customScan: [],
    // The one check that needs the network (it downloads Electron's release list to see
    // whether a newer Electron has security fixes): a dependency-update question that
    // `npm outdated` answers, not a property of this code; linting stays offline.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: false,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });

const result = await scan(join(outDir, 'electronegativity.csv'), false);
await scan(join(outDir, 'electronegativity.sarif'), true);

const JUSTIFIED = /electronegativity-justified:\s*([A-Z_]+)\s*(?:--|—|:)\s*(\S.{9,})/;
const linesOf = new Map();
const justification = (file, line, id) => {
  if (!linesOf.has(file)) linesOf.set(file, readFileSync(file, 'utf8').split('\n'));
  const lines = linesOf.get(file);
  for (let n = Math.max(0, line - 4); n < Math.min(lines.length, line); n++) {
    const match = JUSTIFIED.exec(lines[n] ?? '');
    if (match && match[1] === id) return match[2].replace(/\s*(-->|\*\/)\s*$/, '').trim();
  }
  return null;
};

const fatal = result.errors.filter((e) => !e.tolerable);
const unexplained = [];
const explained = [];
for (const issue of result.issues) {
  const file = issue.file;
  const line = issue.location?.line ?? 0;
  const where = `${relative(root, file)}:${line}`;
  const reason = line > 0 && file.startsWith(root) ? justification(file, line, issue.id) : null;
  (reason ? explained : unexplained).push({ id: issue.id, where, text: reason ?? issue.description });
}

console.log(
  `electronegativity ${result.atomicChecks + result.globalChecks} checks over src/ (Electron ${electronVersion}): ${result.issues.length} finding(s), ${explained.length} justified in the source.`,
);
for (const e of explained) console.log(`  justified  ${e.id}  ${e.where}  ${e.text}`);
for (const e of fatal) console.log(`  could not parse ${relative(root, e.file)}: ${e.message}`);
for (const u of unexplained) console.log(`  UNEXPLAINED  ${u.id}  ${u.where}  ${u.text}`);
if (unexplained.length > 0 || fatal.length > 0) {
  console.log(
    'Fix each finding, or justify it with a comment "electronegativity-justified: CHECK_ID -- reason" on or just above the line.',
  );
  process.exitCode = 1;
}
