/**
 * States stored compactly (state-encoding.ts) against an archive whose entries hold states in
 * the keyed encoding of earlier builds (tests/fixtures/archives/keyed-states.exhibit, written
 * by the CLI of 7c3147d with make-fixture.sh … 5): both still compare, and check still names
 * the field that was changed behind the app's back.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTags, openArchive } from '../../src/main/archive/index.js';
import { tempDir } from '../helpers/archive.js';
import { problemsOf, rawSql } from '../helpers/tamper.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/archives/keyed-states.exhibit');

function copyFixture(): string {
  const path = join(tempDir(), 'keyed.exhibit');
  copyFileSync(FIXTURE, path);
  return path;
}

async function lastEntry(path: string): Promise<{ id: number; state: string | null }> {
  const archive = await openArchive(path);
  try {
    return await archive.db
      .selectFrom('history')
      .select(['id', 'state'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  } finally {
    await archive.close();
  }
}

describe('states in the keyed encoding of earlier builds', () => {
  it('an archive of keyed states checks clean, and again after a change in the compact encoding', async () => {
    const path = copyFixture();
    expect((await lastEntry(path)).state).toContain('"h":"');
    expect(await problemsOf(path)).toEqual([]);
    const archive = await openArchive(path);
    await addTags(archive, ['topic/cameras'], { documentIds: [1, 2] });
    await archive.close();
    expect(await problemsOf(path)).toEqual([]);
  });

  it('a field changed behind the app’s back is named against a keyed state', async () => {
    const path = copyFixture();
    await rawSql(path, `update documents set title = 'Forged' where id = 2`);
    expect(await problemsOf(path)).toEqual([expect.stringMatching(/^state: document 2: title changed behind/)]);
  });

  it('page text changed behind the app’s back is named against a keyed state', async () => {
    const path = copyFixture();
    await rawSql(path, `update pages set text = text || ' (forged)' where document_id = 2 and number = 1`);
    expect(await problemsOf(path)).toEqual([
      expect.stringMatching(/^state: document 2: text of page 1 changed behind/),
    ]);
  });
});

describe('states in the compact encoding', () => {
  it('a document’s state takes a few hundred bytes and still names the field and page changed', async () => {
    const path = copyFixture();
    const archive = await openArchive(path);
    await addTags(archive, ['topic/cameras'], { documentIds: [2] });
    await archive.close();
    const entry = await lastEntry(path);
    expect(Object.keys(JSON.parse(entry.state ?? '{}') as object)).toEqual(['document:2']);
    expect(entry.state?.length).toBeLessThan(400);
    await rawSql(
      path,
      `update documents set source = 'forged' where id = 2; update pages set text = 'forged' where document_id = 2 and number = 1`,
    );
    expect(await problemsOf(path)).toEqual([
      `state: document 2: source, text of page 1 changed behind the app's back (differs from history entry ${entry.id})`,
    ]);
  });
});
