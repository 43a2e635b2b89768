/**
 * The built preload (out/preload/index.cjs), run as Electron's sandbox runs it: one
 * CommonJS file whose only require is 'electron' (faked here), checking what it exposes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExhibitBridge } from '../../src/shared/bridge.js';
import { CALL_NAMES, callChannel, eventChannel, type Result } from '../../src/shared/contract.js';
import { buildApp } from '../helpers/build-app.js';

type Listener = (event: unknown, payload: unknown) => void;

function loadPreload(code: string) {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const answers = new Map<string, unknown>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return answers.get(channel) ?? { ok: true, value: null };
      },
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    },
    webUtils: { getPathForFile: (file: { fakePath: string }) => file.fakePath },
  };
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
  });
  const send = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event, with sender' }, payload);
  };
  return { bridge: exposed.get('exhibit') as ExhibitBridge, exposed, invoked, listeners, answers, required, send };
}

describe('the preload bridge, as built', () => {
  let outDir = '';
  let code = '';
  beforeAll(async () => {
    outDir = await buildApp();
    code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
  }, 180_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('is one self-contained CommonJS file needing only electron, exposing only window.exhibit', () => {
    const { exposed, required } = loadPreload(code);
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['exhibit']);
  });

  it('exposes exactly the contract’s calls, each on its own channel', async () => {
    const { bridge, invoked } = loadPreload(code);
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'on', 'pathForFile']);
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAMES].sort());
    await bridge.calls['documents.get']({ id: 3 });
    expect(invoked).toEqual([[callChannel('documents.get'), { id: 3 }]]);
    expect(Object.isFrozen(bridge.calls)).toBe(true);
  });

  it('hands listeners the payload only, never Electron’s event, and unsubscribes', () => {
    const { bridge, send, listeners } = loadPreload(code);
    const heard: unknown[][] = [];
    const off = bridge.on('import.progress', (...args: unknown[]) => heard.push(args));
    const payload = { jobId: 'j', done: 0, total: 1, path: 'a.pdf', result: null };
    send(eventChannel('import.progress'), payload);
    expect(heard).toEqual([[payload]]);
    off();
    send(eventChannel('import.progress'), payload);
    expect(heard).toHaveLength(1);
    expect(listeners.get(eventChannel('import.progress'))?.size).toBe(0);
    expect(() => bridge.on('ipc:anything' as 'import.progress', () => undefined)).toThrow(/not an Exhibit event/);
  });

  it('imports by path only what the user dropped or chose in the Import dialog', async () => {
    const { bridge, invoked, answers } = loadPreload(code);
    const forged = (await bridge.calls['import.paths']({ jobId: 'j1', paths: ['/etc/passwd'] })) as Result<unknown>;
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invoked).toEqual([]);

    const dropped = bridge.pathForFile({ fakePath: '/home/me/memo.pdf' } as unknown as File);
    expect(dropped).toBe('/home/me/memo.pdf');
    answers.set(callChannel('shell.chooseImportFiles'), { ok: true, value: ['/home/me/letters'] });
    await bridge.calls['shell.chooseImportFiles']({});
    const allowed = await bridge.calls['import.paths']({
      jobId: 'j2',
      paths: ['/home/me/memo.pdf', '/home/me/letters'],
    });
    expect(allowed).toEqual({ ok: true, value: null });
    expect(invoked.at(-1)).toEqual([
      callChannel('import.paths'),
      { jobId: 'j2', paths: ['/home/me/memo.pdf', '/home/me/letters'] },
    ]);
    // A malformed payload still reaches main's validation, which answers invalid-input.
    await bridge.calls['import.paths']({ jobId: 'j3' } as never);
    expect(invoked.at(-1)).toEqual([callChannel('import.paths'), { jobId: 'j3' }]);
  });
});
