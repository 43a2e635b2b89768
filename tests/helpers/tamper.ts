/** A small real archive to tamper with, and a raw SQLite connection that goes behind the app's back. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import {
  addTags,
  addToCollection,
  checkArchive,
  createCollection,
  createQuote,
  importPaths,
  openArchive,
  replacePageTexts,
} from '../../src/main/archive/index.js';
import { tempDir } from './archive.js';

/** Runs SQL on the file with a plain sqlite3 connection: no app code, no triggers of ours dropped unless asked. */
export function rawSql(path: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.exec(text, (error) =>
        db.close((closeError) => ((error ?? closeError) ? reject(error ?? closeError) : resolve())),
      );
    });
  });
}

/**
 * The case, built once: document 1 (two pages, tag agency/LAPD) and document 2, quote 1 on
 * document 1 (note, tag key), quote 2 on document 2, collection 1 "brief" holding quotes 1, 2.
 */
export async function buildCase(): Promise<{ path: string; dispose: () => void }> {
  // Its own folder: tempDir's are removed after each test, and this one serves them all.
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-tamper-'));
  const path = join(dir, 'case.exhibit');
  const a = await openArchive(path);
  const first = join(dir, 'statement.txt');
  const second = join(dir, 'memo.txt');
  writeFileSync(first, 'The department will not use commercial facial recognition.\n');
  writeFileSync(second, 'Memo: the camera contract was signed in March.\n');
  const [one, two] = await importPaths(a, [first, second]);
  if (one?.documentId !== 1 || two?.documentId !== 2) throw new Error('import failed in test setup');
  await replacePageTexts(a, 1, [
    'The department will not use commercial facial recognition.',
    'Signed, the Chief of Police.',
  ]);
  await addTags(a, ['agency/LAPD'], { documentIds: [1] });
  await createQuote(a, { documentId: 1, text: 'commercial facial recognition', note: 'denial', tags: ['key'] });
  await createQuote(a, { documentId: 2, text: 'camera contract' });
  await createCollection(a, { name: 'brief', title: 'Brief' });
  await addToCollection(a, 'brief', [1, 2]);
  await a.close();
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the case in a fresh folder. */
export function copyCase(path: string): string {
  const copy = join(tempDir(), 'case.exhibit');
  copyFileSync(path, copy);
  return copy;
}

/** What `check` reports of the archive at `path`, each problem as "kind: message". */
export async function problemsOf(path: string): Promise<string[]> {
  const archive = await openArchive(path);
  try {
    return (await checkArchive(archive)).problems.map((p) => `${p.kind}: ${p.message}`);
  } finally {
    await archive.close();
  }
}
