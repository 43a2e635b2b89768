import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';
import { expectSoundArchive, importOne } from '../helpers/import.js';

describe('the HTML importer', () => {
  it('decodes a page in its declared charset', async () => {
    const archive = await tempArchive();
    const dir = tempDir();
    const gbk = join(dir, 'gbk.html');
    const body =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>人工智能</title></head><body><p>深度学习的新进展</p></body></html>';
    // Encode the page as GBK with a decoder table: TextEncoder only writes UTF-8.
    const encoded = encodeGbk(body);
    if (!encoded) throw new Error('no GBK encoding for the test page');
    writeFileSync(gbk, encoded);
    const declared = await importOne(archive, gbk);
    expect(declared.document.title).toBe('人工智能');
    expect(declared.text).toBe('深度学习的新进展');
  });

  it('takes the first heading as title when the page has no <title>, and decodes entities', async () => {
    const archive = await tempArchive();
    const path = join(tempDir(), 'untitled.html');
    writeFileSync(
      path,
      '<!doctype html><body><h1> Council &amp; Police <em>minutes</em></h1><p>Caf&eacute; &#8220;quoted&#x201D;&nbsp;text</p></body>',
    );
    const { document, text } = await importOne(archive, path);
    expect(document.title).toBe('Council & Police minutes');
    expect(text).toBe('Council & Police minutes\n\nCafé “quoted” text');
  });

  it('turns blocks into line breaks and collapses white space, keeping <pre> as written', async () => {
    const archive = await tempArchive();
    const path = join(tempDir(), 'layout.html');
    writeFileSync(
      path,
      '<html><body><div>one\n   two</div><div>three<br>four</div><ul><li>a</li><li>b</li></ul>' +
        '<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table><pre>  keep\n    this</pre><p>end</p></body></html>',
    );
    const { text } = await importOne(archive, path);
    expect(text).toBe('one two\nthree\nfour\n\na\nb\n\nx\ty\nz\n\n  keep\n    this\n\nend');
  });

  it('never lets scripts, styles, handlers or embedded content into the text', async () => {
    const archive = await tempArchive();
    const path = join(tempDir(), 'hostile.html');
    writeFileSync(
      path,
      `<html><head><title>Hostile page</title><style>body{color:STYLE_LEAK}</style><script>SCRIPT_LEAK()</script>
       <noscript>NOSCRIPT_LEAK</noscript></head><body onload="ONLOAD_LEAK()">
       <p>Visible one.</p><img src=x onerror="ONERROR_LEAK()" alt="ALT_LEAK"><a href="javascript:HREF_LEAK()">link text</a>
       <template>TEMPLATE_LEAK</template><iframe srcdoc="SRCDOC_LEAK">IFRAME_LEAK</iframe><object data="x">OBJECT_LEAK</object>
       <svg><text>SVG_LEAK</text><script>SVG_SCRIPT_LEAK()</script></svg><math><mi>MATH_LEAK</mi></math>
       <embed src="EMBED_LEAK"><script>document.write("<p>WRITTEN_LEAK</p>")</script><!-- COMMENT_LEAK -->
       <script><!-- document.write("<script src=x></script>"); var OLD_STYLE_LEAK = 1; // --></script>
       <p>Visible two.</p><svg/onload=alert(1)><p>Visible three.</p></body></html>`,
    );
    const { document, text } = await importOne(archive, path);
    expect(document.title).toBe('Hostile page');
    expect(text).toContain('Visible one.');
    expect(text).toContain('link text');
    expect(text).toContain('Visible two.');
    // An unclosed <svg> ends where browsers end it: at the next HTML block.
    expect(text).toContain('Visible three.');
    expect(text).not.toMatch(/LEAK|<script|alert\(|onerror|javascript:/);
  });

  it('reads the HTML part of a hostile email as text only', async () => {
    const archive = await tempArchive();
    const dir = tempDir();
    const raw = readFileSync(corpus('hostile', 'constructed__xss_html_email.eml'), 'latin1');
    const html = raw.slice(raw.indexOf('<!DOCTYPE html>'), raw.lastIndexOf('--b1--'));
    const path = join(dir, 'xss-part.html');
    writeFileSync(path, html, 'latin1');
    const { text } = await importOne(archive, path);
    expect(text).toContain('Statement of the Department');
    expect(text).not.toMatch(/<script|<img|<svg|onerror|onload|document\.domain/i);
  });

  it('parses 100,000 nested elements in linear time and without recursion', async () => {
    const archive = await tempArchive();
    const started = performance.now();
    const { text } = await importOne(archive, corpus('hostile', 'constructed__deep_nesting_100k.html'));
    expect(text).toBe('deep text');
    expect(performance.now() - started).toBeLessThan(3000);

    const deeper = join(tempDir(), 'deeper.html');
    writeFileSync(deeper, '<p>' + '<span>'.repeat(1_000_000) + 'still read' + '</span>'.repeat(1_000_000));
    const t0 = performance.now();
    const again = await importOne(archive, deeper);
    expect(again.text).toBe('still read');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('keeps the text of a script-confusing page and drops the script', async () => {
    const archive = await tempArchive();
    const { document, text } = await importOne(
      archive,
      corpus('hostile', 'readability__comment-inside-script-parsing.html'),
    );
    expect(document.title).toBe('Test script parsing');
    expect(text.startsWith('Lorem\n\nLorem ipsum dolor sit amet')).toBe(true);
    expect(text).not.toMatch(/Silly test|foo\.js|-->/);
  });

  it('fetches nothing and reads no local file that a page points at', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('FETCHED_LEAK');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const dir = tempDir();
      const secret = join(dir, 'secret.txt');
      writeFileSync(secret, 'LOCAL_FILE_LEAK');
      const path = join(dir, 'remote.html');
      writeFileSync(
        path,
        `<html><head><base href="${base}/"><link rel=stylesheet href="${base}/s.css"><script src="${base}/s.js"></script>
         <meta http-equiv="refresh" content="0;url=${base}/r"><link rel=import href="file://${secret}"></head>
         <body style="background:url(${base}/bg.png)"><p>Only this.</p><img src="${base}/i.png" srcset="${base}/j.png 2x">
         <iframe src="file://${secret}"></iframe><iframe src="${base}/f"></iframe><object data="${base}/o"></object>
         <video src="${base}/v.mp4" poster="${base}/p.png"></video><embed src="file://${secret}"></body></html>`,
      );
      const archive = await tempArchive();
      const { text, all } = await importOne(archive, path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(text).toBe('Only this.');
      expect(requests).toBe(0);
      await expectSoundArchive(archive, all);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('imports a saved Wikipedia page with its title and readable text', async () => {
    const archive = await tempArchive();
    const { document, text } = await importOne(archive, corpus('html', 'readability__wikipedia.html'));
    expect(document.title).toBe('Mozilla - Wikipedia');
    expect(text).toContain('Mozilla is a free-software community');
    expect(text).not.toMatch(/<script|<\/?div|function\s*\(|window\./i);
    expect(text).not.toContain('\uFFFD');
  });
});

/** GBK bytes for a string, built by inverting TextDecoder('gbk') over the characters used. */
function encodeGbk(text: string): Uint8Array | null {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else {
      const pair = table.get(c);
      if (!pair) return null;
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
