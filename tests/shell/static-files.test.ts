/**
 * What the app's protocol (exhibit://app/…) and the development server serve: the built
 * renderer's files with the types pdf.js and the browser need, and nothing outside its folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic } from '../../src/main/web/static-files.js';
import { tempDir } from '../helpers/archive.js';

function rendererBuild(): { root: string; secret: string } {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'pdfjs', 'wasm'), { recursive: true });
  mkdirSync(join(root, 'pdfjs', 'cmaps'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'pdf.worker.min-abc.mjs'), 'export {}');
  writeFileSync(join(root, 'pdfjs', 'wasm', 'openjpeg.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'pdfjs', 'cmaps', 'UniJIS-UTF16-H.bcmap'), new Uint8Array([1]));
  // A file beside the renderer's folder, as the archive or settings could be.
  const secret = join(dir, 'secret.exhibit');
  writeFileSync(secret, 'SQLite format 3');
  return { root, secret };
}

describe('files served to the page', () => {
  it('serves the page, the pdf.js worker as JavaScript, wasm as application/wasm and CMaps', async () => {
    const { root } = rendererBuild();
    expect((await readStatic(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStatic(root, '/index.html'))?.body.toString()).toBe('<!doctype html>');
    // A module worker is refused unless served with a JavaScript type; instantiateStreaming wants application/wasm.
    expect((await readStatic(root, '/assets/pdf.worker.min-abc.mjs'))?.contentType).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await readStatic(root, '/pdfjs/wasm/openjpeg.wasm'))?.contentType).toBe('application/wasm');
    expect((await readStatic(root, '/pdfjs/cmaps/UniJIS-UTF16-H.bcmap'))?.body).toEqual(Buffer.from([1]));
  });

  it('refuses every way out of the renderer’s folder', async () => {
    const { root } = rendererBuild();
    for (const path of [
      '/../secret.exhibit',
      '/..%2fsecret.exhibit',
      '/%2e%2e/secret.exhibit',
      '/assets/..%2F..%2Fsecret.exhibit',
      '/..%5csecret.exhibit',
      '/index.html%00.png',
      '/%E0%A4%A',
    ]) {
      expect(await readStatic(root, path), path).toBeNull();
    }
  });

  it('answers nothing for a file that is not there', async () => {
    const { root } = rendererBuild();
    expect(await readStatic(root, '/assets/missing.js')).toBeNull();
    expect(await readStatic(root, '/assets/')).toBeNull();
  });
});
