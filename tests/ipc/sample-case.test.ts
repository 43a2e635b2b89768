/**
 * The sample case as the app makes it (first launch, and the renderer's sample call) reads
 * exactly as `exhibit sample` makes it: the titles, authors and dates case.json states,
 * not what the importers guess from the files.
 */
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../src/shared/contract.js';
import type { DocumentRecord } from '../../src/shared/document.js';
import { listDocuments } from '../../src/main/archive/index.js';
import { importSampleCase, readSampleManifest, sampleCaseDir } from '../../src/main/archive/sample.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';

type Row = Pick<DocumentRecord, 'fileName' | 'title' | 'authors' | 'date'>;
const row = (d: Row): Row => ({ fileName: d.fileName, title: d.title, authors: d.authors, date: d.date });

describe('the sample case from the app', () => {
  it('carries the manifest’s metadata, with progress, like the CLI’s sample', async () => {
    const archive = await tempArchive();
    const events: EventName[] = [];
    const emit = <E extends EventName>(event: E, _payload: Events[E]) => void events.push(event);
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session: new ArchiveSession(archive),
      jobs: new JobRegistry(),
      emit,
    });
    const result = await dispatch('sample.import', { jobId: 'sample-1' });
    expect(result.ok).toBe(true);
    expect(events.filter((e) => e === 'import.progress').length).toBeGreaterThan(0);

    const fromApp = (await listDocuments(archive.db)).map(row);
    const memo = fromApp.find((d) => d.fileName === '2020-11-13-port-alder-police-memo.pdf');
    const stated = readSampleManifest(sampleCaseDir()).documents['2020-11-13-port-alder-police-memo.pdf'];
    expect(memo).toMatchObject({ title: stated?.title, authors: stated?.authors, date: stated?.date });

    const cli = await tempArchive();
    await importSampleCase(cli);
    const fromCli = (await listDocuments(cli.db)).map(row);
    const byName = (rows: Row[]) => [...rows].sort((a, b) => a.fileName.localeCompare(b.fileName));
    expect(byName(fromApp)).toEqual(byName(fromCli));
    await archive.close();
    await cli.close();
  });
});
