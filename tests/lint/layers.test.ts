/**
 * The layer rules in eslint.config.js: each wrong-way import, placed in a file of the layer
 * it would break, is an error; the imports that layer is meant to make are not. Runs the
 * project's own ESLint config through ESLint's Node API, so a rule that stops matching (a
 * typo in a glob, a config block that overrides another) fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/archive.js';

// Only the import rules: the snippets are linted as files that do not exist on disk, which
// the type-aware rules (they need the file in a tsconfig program) cannot check.
const IMPORT_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports']);
const eslint = new ESLint({
  cwd: ROOT,
  ruleFilter: ({ ruleId }) => IMPORT_RULES.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

/** The import-rule messages ESLint reports for `code` as if it were the file at `path`. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${ROOT}/${path}` });
  if (!result) throw new Error(`ESLint returned no result for ${path}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${path} did not parse: ${fatal.map((message) => message.message).join('; ')}`);
  return result.messages
    .filter((message) => message.ruleId !== null && IMPORT_RULES.has(message.ruleId))
    .map((message) => message.message);
}

interface Case {
  layer: string;
  file: string;
  /** What the layer's error says, so the error is the layer's rule and not another's. */
  says: RegExp;
  forbidden: Record<string, string>;
  allowed: Record<string, string>;
}

const cases: Case[] = [
  {
    layer: 'the archive core',
    file: 'src/main/archive/search/lint-probe.ts',
    says: /plain Node/,
    forbidden: {
      'ipc/': "import { dispatch } from '../../ipc/dispatch.js';",
      'shell/': "import { createMenu } from '../../shell/menu.js';",
      electron: "import { app } from 'electron';",
    },
    allowed: {
      'its own folder': "import { queryTerms } from './query.js';",
      'src/shared': "import type { Result } from '../../../shared/contract.js';",
      'a node builtin': "import { readFile } from 'node:fs/promises';",
      'a repository': "import { findDocumentRow } from '../db/repos/documents.js';",
      'a kysely type': "import type { Transaction } from 'kysely';",
    },
  },
  {
    layer: 'the archive core outside archive/db',
    file: 'src/main/archive/search/lint-probe.ts',
    says: /Queries live in src\/main\/archive\/db/,
    forbidden: {
      kysely: "import { sql } from 'kysely';",
      'a kysely subpath': "import { SqliteAdapter } from 'kysely/dist/esm/index.js';",
      sqlite3: "import sqlite3 from 'sqlite3';",
    },
    allowed: {},
  },
  {
    layer: 'the IPC handlers, for SQL',
    file: 'src/main/ipc/handlers/lint-probe.ts',
    says: /Queries live in src\/main\/archive\/db/,
    forbidden: { kysely: "import { sql } from 'kysely';" },
    allowed: {},
  },
  {
    layer: 'archive/db',
    file: 'src/main/archive/db/repos/lint-probe.ts',
    says: /never matches/,
    forbidden: {},
    allowed: {
      kysely: "import { sql } from 'kysely';",
      sqlite3: "import sqlite3 from 'sqlite3';",
    },
  },
  {
    layer: 'the CLI',
    file: 'src/main/cli/commands/lint-probe.ts',
    says: /plain Node/,
    forbidden: {
      'ipc/': "import { runJob } from '../../ipc/jobs.js';",
      'shell/': "import { settings } from '../../shell/settings.js';",
      electron: "import { dialog } from 'electron';",
    },
    allowed: {
      'the core': "import { openArchive } from '../../archive/archive.js';",
      'a node builtin': "import { join } from 'node:path';",
    },
  },
  {
    layer: 'the IPC handlers',
    file: 'src/main/ipc/handlers/lint-probe.ts',
    says: /without Electron/,
    forbidden: {
      'shell/': "import { mainWindow } from '../../shell/window.js';",
      electron: "import { BrowserWindow } from 'electron';",
    },
    allowed: {
      'the core': "import { openArchive } from '../../archive/archive.js';",
      'its own folder': "import { dispatch } from '../dispatch.js';",
    },
  },
  {
    layer: 'the preload',
    file: 'src/preload/lint-probe.ts',
    says: /The preload/,
    forbidden: {
      'src/main': "import { dispatch } from '../main/ipc/dispatch.js';",
      'the renderer': "import { App } from '../renderer/app.js';",
      'a node: builtin': "import { readFile } from 'node:fs';",
      'a bare node builtin': "import { join } from 'path';",
      'another package': "import { z } from 'zod';",
      "electron's main-process API": "import { shell } from 'electron';",
      'all of electron': "import * as electron from 'electron';",
    },
    allowed: {
      'src/shared': "import { BRIDGE_KEY } from '../shared/bridge.js';",
      "electron's renderer APIs":
        "import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';",
    },
  },
  {
    layer: 'the renderer',
    file: 'src/renderer/src/search/lint-probe.tsx',
    says: /only through the typed contract/,
    forbidden: {
      electron: "import { ipcRenderer } from 'electron';",
      'a node: builtin': "import { readFile } from 'node:fs';",
      'a bare node builtin': "import { createHash } from 'crypto';",
      'src/main': "import { queryTerms } from '../../../main/archive/search/query.js';",
    },
    allowed: {
      'src/shared': "import type { Result } from '../../../shared/contract.js';",
      react: "import { useState } from 'react';",
    },
  },
];

describe.each(cases)('layer rules for $layer', ({ file, says, forbidden, allowed }) => {
  it.each(Object.entries(forbidden))('rejects an import of %s', async (_what, code) => {
    const errors = await importErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  it.each(Object.entries(allowed))('accepts an import of %s', async (_what, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
