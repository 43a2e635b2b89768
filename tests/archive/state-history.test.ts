/**
 * The state hashes in the history against the app's own changes (none may look like
 * tampering), the chain head kept outside the archive, and the baseline of an archive
 * written before history entries recorded states.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTags,
  archiveSummary,
  exportFromArchive,
  addToCollection,
  chainHead,
  checkArchive,
  createQuote,
  deleteQuote,
  deleteTag,
  emptyTrash,
  listHistory,
  mergeTag,
  moveInCollection,
  openArchive,
  removeTag,
  renameTag,
  replacePageTexts,
  restoreDocument,
  restoreQuote,
  saveCollection,
  trashDocument,
  updateMetadata,
  updateQuote,
} from '../../src/main/archive/index.js';
import { restoreTags } from '../../src/main/archive/tags/restore.js';
import { deleteTagWithDetail } from '../../src/main/archive/tags/tags.js';
import { MIGRATIONS } from '../../src/main/archive/db/migrations/index.js';
import { tempDir } from '../helpers/archive.js';
import { buildCase, copyCase, problemsOf, rawSql } from '../helpers/tamper.js';
import { exhibit } from '../helpers/cli.js';
import { unzip } from '../helpers/readers.js';

let casePath = '';
let dispose = (): void => undefined;
beforeAll(async () => {
  ({ path: casePath, dispose } = await buildCase());
}, 60_000);
afterAll(() => dispose());

describe('state hashes and the app’s own changes', () => {
  it('every change the app makes leaves check clean', async () => {
    const path = copyCase(casePath);
    const a = await openArchive(path);
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['metadata', () => updateMetadata(a, 1, { title: 'Statement', date: '2020-11', authors: ['Jane Roe'] })],
      ['quote edit', () => updateQuote(a, 1, { note: 'admission', tags: ['key', 'other'] })],
      ['quote delete', () => deleteQuote(a, 2)],
      ['quote restore', () => restoreQuote(a, 2)],
      ['tag add', () => addTags(a, ['topic/cameras'], { documentIds: [1, 2], quoteIds: [2] })],
      ['tag remove', () => removeTag(a, 'topic/cameras', { documentIds: [2] })],
      ['tag rename', () => renameTag(a, 'topic', 'subject')],
      ['tag merge', () => mergeTag(a, 'other', 'key')],
      ['tag delete and undo', async () => restoreTags(a, (await deleteTagWithDetail(a, 'agency')).detail)],
      ['tag delete', () => deleteTag(a, 'subject')],
      ['collection move', () => moveInCollection(a, 'brief', 2, 1)],
      [
        'collection save',
        () => saveCollection(a, { id: 1, title: 'Brief, revised', introduction: 'Why', quoteIds: [1] }),
      ],
      [
        'page text replaced',
        () =>
          replacePageTexts(a, 1, [
            'Signed, the Chief of Police. The department will not use commercial facial recognition.',
          ]),
      ],
      ['quote', () => createQuote(a, { documentId: 2, text: 'signed in March', tags: ['key'] })],
      ['collection add', () => addToCollection(a, 'brief', [3])],
      ['trash', () => trashDocument(a, 2)],
      ['restore', () => restoreDocument(a, 2)],
      ['trash again', () => trashDocument(a, 2)],
      ['empty trash', () => emptyTrash(a)],
    ];
    const after: Record<string, boolean> = {};
    for (const [name, step] of steps) {
      await step();
      after[name] = (await checkArchive(a)).ok;
    }
    await a.close();
    expect(after).toEqual(Object.fromEntries(steps.map(([name]) => [name, true])));
    expect(await problemsOf(path)).toEqual([]);
  });

  it('an entry records the state it left behind, and the entry hash covers it', async () => {
    const path = copyCase(casePath);
    const a = await openArchive(path);
    await updateMetadata(a, 2, { title: 'Memo on cameras' });
    const last = await a.db
      .selectFrom('history')
      .select(['id', 'state'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(last.state ?? '{}') as object)).toEqual(['document:2']);
    await a.close();
    // Forging the recorded state to match a forged title breaks the chain instead.
    await rawSql(
      path,
      `drop trigger history_no_update;
       update history set state = replace(state, '":"', '":"0') where id = ${last.id}`,
    );
    expect(await problemsOf(path)).toEqual(
      expect.arrayContaining([`history: history entry ${last.id} was altered after it was written`]),
    );
  });
});

describe('the chain head kept outside the archive', () => {
  it('history --head prints LENGTH:HASH, and check --head passes while the chain holds it', async () => {
    const path = copyCase(casePath);
    const head = exhibit(['--archive', path, 'history', '--head']);
    expect(head.code).toBe(0);
    expect(head.stdout.trim()).toMatch(/^\d+:[0-9a-f]{64}$/);
    const json = exhibit(['--archive', path, 'history', '--head', '--json']).json<{ length: number; hash: string }>();
    expect(`${json.length}:${json.hash}`).toBe(head.stdout.trim());
    const a = await openArchive(path);
    await updateMetadata(a, 1, { title: 'Later, on record' });
    await a.close();
    const check = exhibit(['--archive', path, 'check', '--head', head.stdout.trim()]);
    expect(check.stdout).toMatch(/All checks passed/);
    expect(check.code).toBe(0);
  });

  it('check --head catches the last entries deleted', async () => {
    const path = copyCase(casePath);
    const a = await openArchive(path);
    const head = await chainHead(a.db);
    await a.close();
    await rawSql(path, `drop trigger history_no_delete; delete from history where id = ${head.length}`);
    const check = exhibit(['--archive', path, 'check', '--head', `${head.length}:${head.hash}`]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      new RegExp(
        `problem \\(head\\): the history no longer reaches the recorded head ${head.length}:${head.hash}: entries were deleted`,
      ),
    );
  });

  it('check --head catches a re-chained history that check alone cannot tell', async () => {
    const path = copyCase(casePath);
    const a = await openArchive(path);
    const head = await chainHead(a.db);
    // Someone drops the last entry and redoes the archive's change their own way, re-chaining.
    await sql`drop trigger history_no_delete`.execute(a.db);
    await sql`delete from history where id = ${head.length}`.execute(a.db);
    await saveCollection(a, { id: 1, title: 'Brief', quoteIds: [2, 1] });
    expect((await chainHead(a.db)).length).toBe(head.length);
    expect((await checkArchive(a)).ok).toBe(true);
    const report = await checkArchive(a, { head });
    await a.close();
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^history entry ${head.length} no longer has the recorded head's hash: the history was rewritten`),
      ),
    ]);
  });

  it('check --head refuses a malformed head with a one-line usage error', () => {
    const path = copyCase(casePath);
    const check = exhibit(['--archive', path, 'check', '--head', '12:nothex']);
    expect(check.code).toBe(2);
    expect(check.stderr.trim()).toMatch(/^[^\n]*--head: "12:nothex" is not LENGTH:HASH/);
  });
});

describe('an archive from before state hashes', () => {
  it('gets a state baseline on its first open, and is checkable from then on', async () => {
    const path = join(tempDir(), 'old.exhibit');
    const bytes = Buffer.from('An old statement.\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const at = '2024-01-01T00:00:00.000Z';
    const details = JSON.stringify({ fileName: 'old.txt' });
    const hash = createHash('sha256')
      .update(JSON.stringify([1, at, 'import', 1, null, details, '0'.repeat(64)]))
      .digest('hex');
    // Schema 4 as an older Exhibit wrote it, with one document and its import entry.
    await rawSql(
      path,
      `${MIGRATIONS.slice(0, 4)
        .map((m) => m.sql)
        .join('\n')}
       insert into originals (sha256, size, data) values ('${sha}', ${bytes.length}, X'${bytes.toString('hex')}');
       insert into documents (sha256, format, mime_type, title, type, file_name, size, page_count, imported_at, updated_at)
         values ('${sha}', 'text', 'text/plain', 'Old', 'other', 'old.txt', ${bytes.length}, 1, '${at}', '${at}');
       insert into pages (document_id, number, text) values (1, 1, 'An old statement.');
       insert into history (id, at, action, document_id, subject, details, prev_hash, hash)
         values (1, '${at}', 'import', 1, null, '${details}', '${'0'.repeat(64)}', '${hash}');
       pragma user_version = 4;`,
    );
    const a = await openArchive(path);
    const entries = await listHistory(a.db);
    expect(entries.map((e) => e.action)).toEqual(['import', 'state-baseline']);
    expect((await checkArchive(a)).problems).toEqual([]);
    await a.close();
    expect(await problemsOf(path)).toEqual([]); // the baseline is recorded once
    await rawSql(path, `update documents set title = 'Forged' where id = 1`);
    expect(await problemsOf(path)).toEqual([
      expect.stringMatching(/^state: document 1: title changed .*history entry 2\)$/),
    ]);
  });
});

describe('the chain head shown outside the archive', () => {
  it('is in a bundle’s manifest and in the archive info the app shows', async () => {
    const path = copyCase(casePath);
    const a = await openArchive(path);
    const head = await chainHead(a.db);
    const info = await archiveSummary(a);
    expect(info.historyHead).toBe(`${head.length}:${head.hash}`);
    const out = join(tempDir(), 'bundle.zip');
    await exportFromArchive(a, { kind: 'all' }, out, { format: 'bundle', style: 'apa' });
    await a.close();
    const { entries } = await unzip(out);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as { historyHead?: string };
    expect(manifest.historyHead).toBe(`${head.length}:${head.hash}`);
    // The head the bundle names is one the archive's chain still holds.
    expect(exhibit(['--archive', path, 'check', '--head', manifest.historyHead ?? '']).code).toBe(0);
  });
});
