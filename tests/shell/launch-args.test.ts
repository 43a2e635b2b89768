import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { archiveFromArgs } from '../../src/main/shell/launch-args.js';

const cwd = join('/home', 'me', 'cases');

describe('the archive a launch asks for', () => {
  it('is the .exhibit file double-clicked in a packaged app (executable, then the file)', () => {
    expect(archiveFromArgs(['/opt/Exhibit/exhibit', '/home/me/Smith v Jones.exhibit'], cwd)).toBe(
      '/home/me/Smith v Jones.exhibit',
    );
  });

  it('ignores the app folder in development and Chromium switches a second instance gains', () => {
    const argv = [
      '/x/electron',
      '.',
      '/data/case.EXHIBIT',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000',
    ];
    expect(archiveFromArgs(argv, cwd)).toBe('/data/case.EXHIBIT');
    expect(archiveFromArgs(['/x/electron', '.', '--inspect=0'], cwd)).toBeNull();
  });

  it('resolves a relative path against the folder the launch came from', () => {
    expect(archiveFromArgs(['exhibit', 'inquiry.exhibit'], cwd)).toBe(join(cwd, 'inquiry.exhibit'));
    expect(archiveFromArgs(['exhibit', '../old/inquiry.exhibit'], cwd)).toBe(
      join('/home', 'me', 'old', 'inquiry.exhibit'),
    );
  });

  it('reads the file:// URI a Linux file manager passes (Exec=… %U)', () => {
    const path = join('/home', 'me', 'Case A ü.exhibit');
    expect(archiveFromArgs(['exhibit', pathToFileURL(path).href], cwd)).toBe(path);
  });

  it('takes none of a document, a folder or the executable itself', () => {
    expect(archiveFromArgs(['/cases/tool.exhibit'], cwd)).toBeNull();
    expect(archiveFromArgs(['exhibit', '/cases/memo.pdf', '/cases/folder'], cwd)).toBeNull();
    expect(archiveFromArgs(['exhibit', 'file://host/%ZZ.exhibit'], cwd)).toBeNull();
  });

  it('takes the last archive named when there are several', () => {
    expect(archiveFromArgs(['exhibit', '/a.exhibit', '/b.exhibit'], cwd)).toBe('/b.exhibit');
  });
});
