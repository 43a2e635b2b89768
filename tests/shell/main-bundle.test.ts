/**
 * The built main process as a packaged app will load it: an ES module (package.json says
 * "type": "module") whose every package import is a production dependency (electron-builder
 * ships only those; a devDependency imported by main is a crash at launch, found by no
 * type-check), with the extraction worker beside it and nothing resolved from the source tree.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/archive.js';
import { buildApp } from '../helpers/build-app.js';

let outDir = '';
beforeAll(async () => {
  outDir = await buildApp();
}, 180_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function mainFiles(): string[] {
  const main = join(outDir, 'main');
  return readdirSync(main, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(main, f));
}

/** The package a bare specifier names ('pdfjs-dist/legacy/build/pdf.mjs' → 'pdfjs-dist', '@pdf-lib/fontkit' stays). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('the built main process', () => {
  it('imports only Node built-ins, electron and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      type: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('module');
    const builtins = new Set(builtinModules);
    const packages = new Set<string>();
    for (const file of mainFiles()) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\brequire\(\s*["']/);
      // Static imports (one a line in the bundle's head: `import … from "x"`, `import "x"`) and dynamic import("x").
      for (const match of code.matchAll(
        /^(?:import\s[^;\n]*?from\s*|import\s*)"([^"./][^"]*)";|\bimport\(\s*"([^"./][^"]*)"\s*\)/gm,
      )) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
        packages.add(packageOf(specifier));
      }
    }
    packages.delete('electron');
    expect(packages.size).toBeGreaterThan(5);
    for (const name of packages) expect(Object.keys(pkg.dependencies), `out/main imports ${name}`).toContain(name);
  });

  it('has the extraction worker beside index.js, where index.js looks for it', () => {
    const index = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    expect(index).toContain('new URL("./extract-worker.js", import.meta.url)');
    expect(readdirSync(join(outDir, 'main'))).toContain('extract-worker.js');
  });

  it('finds the preload and the renderer relative to itself, never through the source tree', () => {
    const index = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    expect(index).toContain('join(import.meta.dirname, "../preload/index.cjs")');
    expect(index).toContain('join(import.meta.dirname, "../renderer")');
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.cjs']);
    expect(readdirSync(join(outDir, 'renderer'))).toContain('index.html');
    expect(index).not.toContain(ROOT);
  });
});
