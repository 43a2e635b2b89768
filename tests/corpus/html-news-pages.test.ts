/**
 * The HTML importer on saved news pages whose text belongs to their publishers: they cannot be
 * redistributed with the project, so these run only under `npm run test:corpus`, from the shared corpus.
 */
import { describe, expect, it } from 'vitest';
import { sharedCorpus, tempArchive } from '../helpers/archive.js';
import { importOne } from '../helpers/import.js';

describe('the HTML importer on real news pages', () => {
  it('keeps the article text of a saved news page and takes its title and metadata from the page', async () => {
    const archive = await tempArchive();
    const { document, text } = await importOne(archive, sharedCorpus('html', 'readability__nytimes-2.html'));
    expect(document.format).toBe('html');
    expect(document.title).toBe('Yahoo’s Sale to Verizon Leaves Shareholders With Little Say - The New York Times');
    expect(text).toContain(
      'It is an asset sale, in which there is only a shareholder vote if there is a sale of “all” or “substantially all” of the assets of the company.',
    );
    expect(document.authors).toEqual(['Steven Davidoff Solomon']);
    expect(document.url).toBe(
      'https://www.nytimes.com/2016/07/30/business/dealbook/yahoos-sale-to-verizon-leaves-shareholders-with-little-say.html',
    );
    expect(text).not.toMatch(/<script|<\/?div|function\s*\(|window\./i);
  });

  it('guesses date, site and type where the page states them', async () => {
    const archive = await tempArchive();
    const { document, text } = await importOne(archive, sharedCorpus('html', 'readability__seattletimes-1.html'));
    expect(document.date).toBe('2019-04-28');
    expect(document.source).toBe('The Seattle Times');
    expect(document.type).toBe('article');
    expect(document.authors).toEqual(['Benjamin Romano']);
    expect(document.description).toMatch(/^The story of Whole Foods’ halibut deal/);
    expect(text).toContain('halibut');
  });

  it('decodes a page labelled gb2312 whose bytes are UTF-8 as UTF-8, with a warning', async () => {
    const archive = await tempArchive();
    const relabelled = await importOne(archive, sharedCorpus('html', 'readability__qq.html'));
    expect(relabelled.document.title).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网');
    expect(relabelled.document.warnings.join(' ')).toContain('declared gb2312 but the bytes are UTF-8');
  });

  it('imports saved news pages in seven languages with a title and readable text', async () => {
    const archive = await tempArchive();
    const names = [
      'readability__folha.html',
      'readability__gmw.html',
      'readability__hukumusume.html',
      'readability__liberation-1.html',
      'readability__pixnet.html',
      'readability__telegraph.html',
      'readability__wikipedia.html',
    ];
    const expected: Record<string, [string, string]> = {
      'readability__folha.html': ['Tite diz que errou ao levar taça da Libertadores a Lula em 2012', 'Bolsonaro'],
      'readability__gmw.html': ['宇航员在太空中喝酒会怎么样？后果很严重', '宇航员'],
      'readability__hukumusume.html': ['欲張りなイヌ', '肉をくわえたイヌが、橋を渡っていました。'],
      'readability__liberation-1.html': ['Un troisième Français mort dans le séisme au Népal', 'Laurent Fabius'],
      'readability__pixnet.html': ['新竹尖石_美樹營地賞楓', '玉峰'],
      'readability__telegraph.html': ['Zimbabwe coup: Robert Mugabe and wife Grace', 'Harare'],
      'readability__wikipedia.html': ['Mozilla - Wikipedia', 'Mozilla is a free-software community'],
    };
    for (const name of names) {
      const { document, text } = await importOne(archive, sharedCorpus('html', name));
      const [title, sentence] = expected[name] ?? ['', ''];
      expect(document.title, name).toContain(title);
      expect(text, name).toContain(sentence);
      expect(text, name).not.toContain('\uFFFD');
    }
  });
});
