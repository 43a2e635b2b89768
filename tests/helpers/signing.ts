/**
 * Signed bundles in tests: the sample case with quotes in an archive that lives for a
 * whole test file, the CLI run in this process with its own config folder (where the
 * signing key and trusted keys are kept), and a zip re-packed with edits.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { openArchive } from '../../src/main/archive/index.js';
import { caseArchive } from './case-quotes.js';
import { exhibitInProcess, type InProcessRun } from './cli.js';
import { unzip } from './readers.js';

export interface SigningBench {
  root: string;
  archive: string;
  /** A fresh config folder (not yet created: the first signed export makes it). */
  configDir(name: string): string;
  remove(): void;
}

/** The sample case with quotes in a closed archive under a temp folder of its own. */
export async function signingBench(): Promise<SigningBench> {
  const root = mkdtempSync(join(tmpdir(), 'exhibit-signing-'));
  const archive = join(root, 'case.exhibit');
  const opened = await openArchive(archive);
  await caseArchive(Object.assign(opened, { dir: root }));
  await opened.close();
  return {
    root,
    archive,
    configDir: (name) => join(root, 'config', name),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs `exhibit --archive ARCHIVE ...args` with EXHIBIT_CONFIG_DIR=config. */
export async function exhibitWith(config: string, archive: string, ...args: string[]): Promise<InProcessRun> {
  const before = process.env['EXHIBIT_CONFIG_DIR'];
  process.env['EXHIBIT_CONFIG_DIR'] = config;
  try {
    return await exhibitInProcess(archive, ...args);
  } finally {
    if (before === undefined) delete process.env['EXHIBIT_CONFIG_DIR'];
    else process.env['EXHIBIT_CONFIG_DIR'] = before;
  }
}

/** Re-packs the zip at `path` into `out` after `edit` changed its entries (insertion order kept); the comment as `comment` says. */
export async function repack(
  path: string,
  out: string,
  edit: (entries: Map<string, Buffer>) => void,
  comment?: (old: string) => string,
): Promise<string> {
  const { entries, comment: old } = await unzip(path);
  edit(entries);
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end({ comment: comment ? comment(old) : old, forceZip64Format: false });
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}
