/**
 * The type-aware promise rules in eslint.config.js reach every part of the tree they are
 * meant to: a promise dropped on the floor, or handed to a caller that ignores what it
 * returns, is an error in the core, the renderer and the tests alike. The snippet is linted
 * under the path of a real file, so the file's own tsconfig supplies the types.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/archive.js';

const PROMISE_RULES = new Set(['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']);
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => PROMISE_RULES.has(ruleId) });

async function promiseErrors(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  if (!result) throw new Error(`ESLint returned no result for ${path}`);
  return result.messages.map((message) => (message.fatal ? `fatal: ${message.message}` : message.ruleId));
}

const floating = 'async function save(): Promise<void> {}\nsave();\nexport {};\n';
const misused = 'async function save(): Promise<void> {}\n[1].forEach(async () => { await save(); });\nexport {};\n';
const handled =
  "async function save(): Promise<void> {}\nawait save();\n// Fire and forget: the result is shown by the caller's own listener.\nvoid save();\nexport {};\n";

describe.each(['src/main/archive/busy.ts', 'src/renderer/src/main.tsx', 'tests/lint/layers.test.ts'])(
  'promise rules in %s',
  (path) => {
    it('reject a promise nobody awaits', async () => {
      expect(await promiseErrors(path, floating)).toEqual(['@typescript-eslint/no-floating-promises']);
    });

    it('reject an async callback where a plain one is expected', async () => {
      expect(await promiseErrors(path, misused)).toEqual(['@typescript-eslint/no-misused-promises']);
    });

    it('accept an awaited promise and a deliberate void', async () => {
      expect(await promiseErrors(path, handled)).toEqual([]);
    });
  },
);
