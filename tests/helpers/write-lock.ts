/**
 * Another program holding an archive's write lock: a plain SQLite client (no Exhibit code) in
 * a child process that takes BEGIN IMMEDIATE, says so on stdout, and commits after `ms`, or
 * sooner when told to (`release()`): a test that waits for its writers to meet the lock does
 * not depend on how fast a loaded machine starts them.
 * `holdWriteLock` resolves only once the child holds the lock: a caller that starts its
 * write before then is not blocked at all.
 */
import { spawn } from 'node:child_process';
import { ROOT } from './archive.js';

export interface WriteLock {
  /** Resolves when the child has committed and exited. */
  released: Promise<void>;
  /** Commits now rather than at the end of `ms`. */
  release: () => void;
}

export async function holdWriteLock(archivePath: string, ms: number): Promise<WriteLock> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const sqlite3 = require('sqlite3');
       const db = new sqlite3.Database(${JSON.stringify(archivePath)});
       db.exec('BEGIN IMMEDIATE', (err) => {
         if (err) { console.log('error ' + err.message); process.exit(1); }
         console.log('locked');
         let done = false;
         const commit = () => { if (!done) { done = true; db.exec('COMMIT', () => db.close()); process.stdin.destroy(); } };
         setTimeout(commit, ${ms});
         process.stdin.on('data', commit);
       });`,
    ],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let stdout = '';
  const released = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('locked')) resolve();
      else if (stdout.includes('error')) reject(new Error(`the lock holder failed: ${stdout.trim()}`));
    });
    child.once('close', () => reject(new Error(`the lock holder exited before taking the lock: ${stdout.trim()}`)));
  });
  return { released, release: () => child.stdin.write('release\n') };
}
