/**
 * One list of citation styles and export formats for the core, the CLI and the app
 * (issue 10, rough edge 9): the contract's lists are the core's, the renderer's calls
 * accept every one the CLI does, and the app can export the quotes matching a search.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALLS, type CallName, type CallOutput, type Result } from '../../src/shared/contract.js';
import * as contractQuoteTypes from '../../src/shared/contract-quote-types.js';
import {
  CITATION_STYLES,
  CITATION_STYLE_LABELS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
} from '../../src/shared/export-options.js';
import * as model from '../../src/main/archive/export/model.js';
import { STYLES } from '../../src/main/archive/export/csl/styles.js';
import { createQuote } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive, tempDir } from '../helpers/archive.js';
import { exhibitInProcess } from '../helpers/cli.js';

describe('citation styles and export formats', () => {
  it('are one list, shared by the core, the contract and the renderer', () => {
    expect(model.CITATION_STYLES).toBe(CITATION_STYLES);
    expect(model.EXPORT_FORMATS).toBe(EXPORT_FORMATS);
    expect(contractQuoteTypes.CITATION_STYLES).toBe(CITATION_STYLES);
    expect(contractQuoteTypes.EXPORT_FORMATS).toBe(EXPORT_FORMATS);
    expect(Object.keys(STYLES).sort()).toEqual([...CITATION_STYLES].sort());
    expect(Object.keys(CITATION_STYLE_LABELS).sort()).toEqual([...CITATION_STYLES].sort());
    expect(Object.keys(EXPORT_FORMAT_LABELS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });

  it('are what the renderer’s export calls accept', () => {
    const build = CALLS['export.build'].input;
    for (const style of CITATION_STYLES)
      for (const format of EXPORT_FORMATS) {
        expect(
          build.safeParse({ jobId: 'j', source: { kind: 'all' }, format, style }).success,
          `${format} ${style}`,
        ).toBe(true);
      }
    expect(build.safeParse({ jobId: 'j', source: { kind: 'all' }, format: 'md', style: 'vancouver' }).success).toBe(
      false,
    );
    for (const style of CITATION_STYLES)
      expect(CALLS['export.preview'].input.safeParse({ source: { kind: 'all' }, style }).success, style).toBe(true);
  });

  it('are what the CLI names in its help, and refuses any other', async () => {
    const file = join(tempDir(), 'options.exhibit');
    const help = await exhibitInProcess(file, 'export', '--help');
    for (const style of CITATION_STYLES) expect(help.stdout).toContain(style);
    for (const format of EXPORT_FORMATS) expect(help.stdout).toContain(format);
    const bad = await exhibitInProcess(
      file,
      'export',
      '--all',
      '--format',
      'md',
      '--style',
      'vancouver',
      '--out',
      'x.md',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--style: "vancouver" is not one of ${CITATION_STYLES.join(', ')}`);
  });
});

describe('exporting the quotes matching a search through the renderer’s calls', () => {
  async function setup() {
    const archive = await tempArchive();
    const results = await importSampleCase(archive);
    const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
    const kept = await createQuote(archive, {
      documentId: memo,
      text: 'Search results already obtained must not be deleted.',
    });
    await createQuote(archive, {
      documentId: memo,
      text: 'Reporting under this paragraph will not by itself lead to discipline.',
    });
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session: new ArchiveSession(archive),
      jobs: new JobRegistry(),
      emit: () => undefined,
    });
    return { dispatch, kept, archive };
  }

  it('previews and writes only the matching quotes, in a style the app lacked before', async () => {
    const { dispatch, kept } = await setup();
    const preview = (await dispatch('export.preview', {
      source: { kind: 'search', query: 'deleted' },
      style: 'chicago-author-date',
    })) as Result<CallOutput<'export.preview'>>;
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.quotes.map((q) => q.quoteId)).toEqual([kept.id]);
    expect(preview.value.title).toBe('Quotes matching “deleted”');
    const built = (await dispatch('export.build', {
      jobId: 's1',
      source: { kind: 'search', query: 'deleted' },
      format: 'csv',
      style: 'chicago-short-notes',
    })) as Result<CallOutput<'export.build'>>;
    if (!built.ok) throw new Error(built.error.message);
    const csv = new TextDecoder().decode(built.value.data);
    expect(csv).toContain('Search results already obtained');
    expect(csv).not.toContain('Reporting under this paragraph');
  });

  it('refuses an empty search at the boundary, naming the field', async () => {
    const { dispatch } = await setup();
    const name: CallName = 'export.preview';
    const result = (await dispatch(name, {
      source: { kind: 'search', query: '   ' },
      style: 'apa',
    })) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/query/);
    }
  });
});
