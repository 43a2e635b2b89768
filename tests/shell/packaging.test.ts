import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/archive.js';

interface BuilderConfig {
  npmRebuild?: boolean;
  files?: { filter: string[] }[];
  extraResources?: { from: string; to: string }[];
  fileAssociations?: { ext: string; icon?: string }[];
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  directories?: { buildResources?: string };
}

const require = createRequire(import.meta.url);
// electron-builder's own loader and schema validation (offline; no packaging happens).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, path: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('packaging (electron-builder.yml)', () => {
  it('passes electron-builder’s schema and targets AppImage, deb, dmg and NSIS without rebuilding natives', async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(false);
    // Only the built app ships: no sources, no dev server, no CLI bundle.
    expect(config.files?.flatMap((f) => f.filter).filter((f) => !f.startsWith('!'))).toEqual([
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
    ]);
  });

  it('names only resources that exist, as electron-builder resolves them for each platform', async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    const resources = join(ROOT, config.directories?.buildResources ?? 'build');
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(existsSync(join(resources, platform?.icon ?? 'missing')), platform?.icon).toBe(true);
    }
    // A file association's icon without an extension means icon.icns on macOS and icon.ico
    // on Windows (builder-util's getPlatformIconFileName); a missing one stops dmg and nsis.
    for (const association of config.fileAssociations ?? []) {
      if (association.icon === undefined) continue;
      const names = association.icon.includes('.')
        ? [association.icon]
        : [`${association.icon}.icns`, `${association.icon}.ico`];
      for (const name of names)
        expect(existsSync(join(resources, name)), `fileAssociations ${association.ext}: ${name}`).toBe(true);
    }
    for (const extra of config.extraResources ?? []) expect(existsSync(join(ROOT, extra.from)), extra.from).toBe(true);
    expect(config.extraResources?.map((e) => e.to)).toEqual([
      'resources/sample-case/files',
      'resources/sample-case/case.json',
    ]);
  });

  it('has a 512×512 PNG app icon in resources/', () => {
    const png = readFileSync(join(ROOT, 'resources', 'icon.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('keeps renderer-only libraries out of the shipped dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of [
      'react',
      'react-dom',
      '@tanstack/react-virtual',
      'electron',
      'electron-vite',
      'playwright-core',
    ]) {
      expect(Object.keys(pkg.dependencies), name).not.toContain(name);
      expect(Object.keys(pkg.devDependencies), name).toContain(name);
    }
  });
});
