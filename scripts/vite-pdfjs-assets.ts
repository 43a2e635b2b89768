/**
 * A Vite plugin that ships pdf.js's data files with the renderer: CMaps (for CJK and
 * other encoded fonts), the standard fonts, the wasm decoders and ICC profiles. They are
 * copied to `pdfjs/` in the build and served from node_modules in development, so the
 * reader never fetches anything from the network (the CSP allows only 'self').
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The part of Vite's plugin interface used here, written out: importing Vite's own types
 * into the Node project drags in its bundled `ws` typings, which shadow Node's MessageEvent.
 */
export interface AssetsPlugin {
  name: string;
  configureServer(server: {
    middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): unknown };
  }): void;
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string }): void;
}

const FOLDERS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'] as const;
const PREFIX = 'pdfjs';

function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsAssets(): AssetsPlugin {
  const root = pdfjsRoot();
  return {
    name: 'exhibit-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const match = new RegExp(`^/${PREFIX}/(${FOLDERS.join('|')})/([^/]+)$`).exec(url);
        if (!match) return next();
        const file = normalize(join(root, match[1] ?? '', decodeURIComponent(match[2] ?? '')));
        if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const folder of FOLDERS) {
        for (const name of readdirSync(join(root, folder))) {
          this.emitFile({
            type: 'asset',
            fileName: `${PREFIX}/${folder}/${name}`,
            source: readFileSync(join(root, folder, name)),
          });
        }
      }
    },
  };
}
