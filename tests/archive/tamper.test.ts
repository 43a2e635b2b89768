/**
 * Edits made behind the app's back, with a plain SQLite connection on the archive file,
 * each reported by `check` naming the object and the field.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, copyCase, problemsOf, rawSql } from '../helpers/tamper.js';
import { exhibit } from '../helpers/cli.js';

let casePath = '';
let dispose = (): void => undefined;
beforeAll(async () => {
  ({ path: casePath, dispose } = await buildCase());
}, 60_000);
afterAll(() => dispose());

async function problemsAfter(edit: string): Promise<string[]> {
  const path = copyCase(casePath);
  await rawSql(path, edit);
  return problemsOf(path);
}

const swapped = Buffer.from('The department WILL use commercial facial recognition.\n');
const swappedSha = createHash('sha256').update(swapped).digest('hex');

/** [what was edited, the SQL, what check must say]. */
const EDITS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['a document title', `update documents set title = 'Forged' where id = 1`, /^state: document 1: title changed/],
  ['a document date', `update documents set date = '1999-01-01' where id = 1`, /^state: document 1: date changed/],
  [
    'a document author',
    `update documents set authors = '["Jane Roe"]' where id = 2`,
    /^state: document 2: authors changed/,
  ],
  ['a document type', `update documents set type = 'memo' where id = 2`, /^state: document 2: type changed/],
  [
    'a document description',
    `update documents set description = 'planted' where id = 1`,
    /^state: document 1: description changed/,
  ],
  [
    'a document put in the trash',
    `update documents set deleted_at = '2020-01-01' where id = 2`,
    /^state: document 2: trash\/deleted flag changed/,
  ],
  [
    'a page text',
    `update pages set text = 'Signed, nobody.' where document_id = 1 and number = 2`,
    /^state: document 1: text of page 2 changed/,
  ],
  [
    'a page added',
    `insert into pages (document_id, number, text) values (2, 2, 'An extra page.')`,
    /^state: document 2: pages \(1 recorded, 2 now\) changed/,
  ],
  [
    'a page removed',
    `delete from pages where document_id = 1 and number = 2`,
    /^state: document 1: pages \(2 recorded, 1 now\) changed/,
  ],
  [
    'a quote text',
    `update quotes set text = 'commercial facial recognition software' where id = 1`,
    /^state: quote 1: text changed/,
  ],
  [
    'a quote offsets',
    `update quotes set start_offset = start_offset + 1, end_offset = end_offset + 1 where id = 1`,
    /^state: quote 1: start offset, end offset changed/,
  ],
  ['a quote page', `update quotes set page = 2, page_end = 2 where id = 1`, /^state: quote 1: page, end page changed/],
  ['a quote note', `update quotes set note = 'admission' where id = 1`, /^state: quote 1: note changed/],
  [
    'a quote deleted outright',
    `delete from collection_items where quote_id = 2; delete from quotes where id = 2`,
    /^state: quote 2 is gone without a record of its removal/,
  ],
  [
    'a quote inserted without history',
    `insert into quotes (document_id, page, page_end, start_offset, end_offset, text, prefix, suffix, note, status, created_at, updated_at)
     values (2, 1, 1, 0, 4, 'Memo', '', ': the camera', null, 'ok', '2020-01-01', '2020-01-01')`,
    /^state: quote 3 has no history/,
  ],
  [
    'a document deleted outright',
    `pragma foreign_keys = on; delete from collection_items where quote_id = 2; delete from documents where id = 2`,
    /^state: document 2 is gone without a record of its removal/,
  ],
  [
    'a document inserted without history',
    `insert into originals (sha256, size, data) values ('${swappedSha}', ${swapped.length}, X'${swapped.toString('hex')}');
     insert into documents (sha256, format, mime_type, title, type, file_name, size, page_count, imported_at, updated_at)
     values ('${swappedSha}', 'text', 'text/plain', 'Planted', 'other', 'planted.txt', ${swapped.length}, 1, '2020-01-01', '2020-01-01');
     insert into pages (document_id, number, text) values (3, 1, 'Planted.')`,
    /^state: document 3 has no history/,
  ],
  [
    'a tag planted on a document',
    `insert into document_tags (document_id, tag_id) select 2, id from tags where name = 'key'`,
    /^state: document 2: tags changed/,
  ],
  [
    'a tag planted on a quote',
    `insert into quote_tags (quote_id, tag_id) select 2, id from tags where name = 'agency/LAPD'`,
    /^state: quote 2: tags changed/,
  ],
  ['a tag taken off a document', `delete from document_tags where document_id = 1`, /^state: document 1: tags changed/],
  ['a tag renamed', `update tags set name = 'forged' where name = 'key'`, /^state: quote 1: tags changed/],
  [
    'a collection order',
    `update collection_items set position = 3 - position where collection_id = 1`,
    /^state: collection 1: order changed/,
  ],
  [
    'a collection title',
    `update collections set title = 'Forged brief' where id = 1`,
    /^state: collection 1: title changed/,
  ],
  [
    'an original swapped together with its SHA-256 columns',
    `pragma foreign_keys = off;
     update originals set data = X'${swapped.toString('hex')}', size = ${swapped.length}, sha256 = '${swappedSha}'
       where sha256 = (select sha256 from documents where id = 1);
     update documents set sha256 = '${swappedSha}', size = ${swapped.length} where id = 1`,
    /^state: document 1: SHA-256 of its original, size changed/,
  ],
  [
    'the last history entry deleted',
    `drop trigger history_no_delete; delete from history where id = (select max(id) from history)`,
    /^state: collection 1: order changed behind the app's back/,
  ],
];

describe('check against edits made behind the app’s back', () => {
  it('finds nothing wrong in the untouched case', async () => {
    expect(await problemsAfter('select 1')).toEqual([]);
  });

  it.each(EDITS)('reports %s, naming the object and the field', async (_what, edit, expected) => {
    const problems = await problemsAfter(edit);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    // Nothing but the state (and, for a swapped original, nothing about its bytes) is amiss.
    expect(problems.every((p) => p.startsWith('state: '))).toBe(true);
  });

  it('reports through the CLI with a non-zero exit code and the field in --json', async () => {
    const path = copyCase(casePath);
    await rawSql(path, `update documents set title = 'Forged' where id = 1`);
    const text = exhibit(['--archive', path, 'check']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /problem \(state\): document 1: title changed behind the app's back \(differs from history entry \d+\)/,
    );
    const json = exhibit(['--archive', path, 'check', '--json']).json<{
      ok: boolean;
      problems: { kind: string; message: string }[];
    }>();
    expect(json.ok).toBe(false);
    expect(json.problems).toEqual([
      expect.objectContaining({ kind: 'state', message: expect.stringMatching(/^document 1: title/) }),
    ]);
  });
});
