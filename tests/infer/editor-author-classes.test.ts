/**
 * A news page's author meta tag that names the page's editor ("责任编辑：王明") is not
 * the author. Pages constructed for the class and read by the real HTML importer.
 */
import { describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../src/main/archive/importers/index.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

async function authors(html: string): Promise<unknown> {
  const doc = await IMPORTERS.html(new TextEncoder().encode(html), 'page.html');
  return inferMetadata(doc).find((i) => i.field === 'authors')?.value;
}

const page = (author: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="author" content="${author}"><title>Page</title></head><body>${body}</body></html>`;

describe('an editor named in the author meta tag', () => {
  it('does not take a Chinese page’s responsible editor for its author', async () => {
    const body =
      '<h1>首位在月球上喝酒的人</h1><p>2017-03-10 09:58 来源：科学栏目</p><p>翱翔于距地球数千公里的太空中。</p>' +
      '<p>[责任编辑:王明]</p>';
    expect(await authors(page('王明', body))).toBeUndefined();
  });

  it('does not take an English page’s "Edited by" editor for its author', async () => {
    const body =
      '<h1>River cleanup draws volunteers</h1><p>Hundreds came to the river on Saturday.</p><p>Edited by Jane Roe</p>';
    expect(await authors(page('Jane Roe', body))).toBeUndefined();
  });

  it('keeps an author the page does not name as its editor', async () => {
    const body =
      '<h1>River cleanup draws volunteers</h1><p>By Jane Roe</p><p>Hundreds came to the river on Saturday.</p>';
    expect(await authors(page('Jane Roe', body))).toEqual(['Jane Roe']);
  });
});
