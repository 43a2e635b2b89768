import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { importPaths } from '../../src/main/archive/index.js';
import { documentInference } from '../../src/main/archive/inference/read.js';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';
import { expectReadableFailure, expectSoundArchive, importOne } from '../helpers/import.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

function paragraphs(...texts: string[]): string {
  return texts.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
}

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>${body}</w:body></w:document>`;
}

/** Writes a DOCX from parts; a part may be a stream, deflated as it is read (never held). */
async function writeDocx(
  path: string,
  parts: Record<string, string | Buffer | Readable>,
  compressionLevel = 6,
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) {
    if (content instanceof Readable) zip.addReadStream(content, name, { compressionLevel });
    else zip.addBuffer(Buffer.from(content), name, { compressionLevel });
  }
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  zip.end();
  await finished(out);
}

/** A document.xml of `mib` MiB of spaces inside one paragraph, produced as a stream. */
function spacesDocument(mib: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  function* parts() {
    yield Buffer.from(documentXml('<w:p><w:r><w:t>').replace('</w:t></w:r></w:p></w:body></w:document>', ''));
    for (let i = 0; i < mib; i++) yield chunk;
    yield Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  }
  return Readable.from(parts());
}

/** Rewrites the central directory's unpacked size of `entry`: a header that lies. */
function lieAboutSize(zip: Buffer, entry: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (
    let at = copy.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    at >= 0;
    at = copy.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), at - 1)
  ) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString('latin1', at + 46, at + 46 + nameLength) === entry) {
      copy.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no central directory entry for ${entry}`);
}

describe('the DOCX importer', () => {
  it('keeps paragraphs, footnotes, endnotes and text boxes, and reads docProps metadata', async () => {
    const archive = await tempArchive();
    const footnotes = await importOne(archive, corpus('docx', 'mammoth__footnotes.docx'));
    expect(footnotes.text).toBe('Ouch[1].[2]\n\nA tachyon walks into a bar.\n\nFin.');
    expect(footnotes.document.authors).toEqual(['Michael Williamson']);
    // dcterms:created is when the file was written: a file date, never the document's date.
    expect(footnotes.document.date).toBeNull();
    expect((await documentInference(archive.db, footnotes.document.id)).fileDates.created).toBe('2014-06-10');
    const endnotes = await importOne(archive, corpus('docx', 'mammoth__endnotes.docx'));
    expect(endnotes.text).toBe('Ouch[1].[2]\n\nA tachyon walks into a bar.\n\nFin.');
    expect((await importOne(archive, corpus('docx', 'mammoth__text-box.docx'))).text).toBe('Datum plane');
    expect((await importOne(archive, corpus('docx', 'mammoth__strict-format.docx'))).text).toBe('Test');
    const embedded = await importOne(archive, corpus('docx', 'poi__EmbeddedDocument.docx'));
    expect(embedded.text).toBe('Let me see what happens if I insert a worksheet.');
    const featured = await importOne(
      archive,
      corpus('docx', 'formatcorpus__PDF-Sample-Document-Fully-Featured-Layout.docx'),
    );
    expect(featured.document.title).toBe('Digital Preservation Test Document');
    expect(featured.document.authors).toEqual(['@beet_keeper']);
    expect(featured.text).toContain(
      'In the original version of this document → THIS IS NOT REDACTED AND CONTAINS THE WORD SUPERCALIFRAGILISTICEXPIALIDOCIOUS → but it will be using Adobe’s PDF redaction features.',
    );
    expect(featured.text).not.toMatch(/data:image|base64|<\w+/);
    expect(featured.document.format).toBe('docx');
  });

  it('takes title, authors, description and company from docProps, its created date as a file date, decoding XML entities', async () => {
    const path = join(tempDir(), 'letter.docx');
    await writeDocx(path, {
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': PACKAGE_RELS,
      'word/document.xml': documentXml(paragraphs('Dear Senator,', 'We write about facial recognition.')),
      'docProps/core.xml':
        '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
        '<dc:title>Letter to Smith &amp; Jones</dc:title><dc:creator>Jane Roe; John Doe</dc:creator><dc:description>On &#8220;Project X&#8221;</dc:description>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">2020-11-13T09:45:00Z</dcterms:created></cp:coreProperties>',
      'docProps/app.xml':
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Office of Senator Roe</Company></Properties>',
    });
    const archive = await tempArchive();
    const { document, text } = await importOne(archive, path);
    expect(text).toBe('Dear Senator,\n\nWe write about facial recognition.');
    expect(document.title).toBe('Letter to Smith & Jones');
    expect(document.authors).toEqual(['Jane Roe', 'John Doe']);
    expect(document.date).toBeNull();
    expect((await documentInference(archive.db, document.id)).fileDates.created).toBe('2020-11-13');
    expect(document.description).toBe('On “Project X”');
    expect(document.organization).toBe('Office of Senator Roe');
  });

  it('refuses XML entity bombs and external entities without expanding or reading them', async () => {
    const archive = await tempArchive();
    const started = performance.now();
    const results = await importPaths(archive, [
      corpus('hostile', 'constructed__docx_billion_laughs.docx'),
      corpus('hostile', 'constructed__docx_xxe_local_file.docx'),
    ]);
    expect(performance.now() - started).toBeLessThan(5000);
    for (const result of results) {
      expectReadableFailure(result);
      expect(result.error).toMatch(/declares XML entities \(a DTD\)/);
    }
    await expectSoundArchive(archive, results);
  });

  it('refuses unsafe entry names, encrypted and truncated packages with a clear reason', async () => {
    const archive = await tempArchive();
    const results = await importPaths(archive, [
      corpus('hostile', 'constructed__docx_zip_slip.docx'),
      corpus('hostile', 'poi__bug53475-password-is-pass.docx'),
      corpus('hostile', 'poi__truncated62886.docx'),
    ]);
    const [slip, encrypted, truncated] = results;
    if (!slip || !encrypted || !truncated) throw new Error('missing results');
    for (const result of results) expectReadableFailure(result);
    expect(slip.error).toMatch(/unsafe name \(\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/tmp\/zip-slip-evidence\.txt\)$/);
    expect(encrypted.error).toBe(`${encrypted.path}: encrypted; a password is needed`);
    expect(truncated.error).toMatch(/damaged DOCX: the ZIP package is truncated or corrupt/);
    await expectSoundArchive(archive, results);
  });

  describe('zip bombs', () => {
    // One folder for the block's fixtures (tempDir() is per test).
    let dir = '';
    let honest = '';
    let lying = '';
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'exhibit-docx-'));
      honest = join(dir, 'gigabyte.docx');
      lying = join(dir, 'lying-header.docx');
      // 1 GiB of spaces, streamed through yazl: never in memory here either.
      await writeDocx(
        honest,
        {
          '[Content_Types].xml': CONTENT_TYPES,
          '_rels/.rels': PACKAGE_RELS,
          'word/document.xml': spacesDocument(1024),
        },
        1,
      );
      writeFileSync(lying, lieAboutSize(readFileSync(honest), 'word/document.xml', 4000));
    }, 60_000);

    it('refuses a document.xml that would inflate past 1 GiB, quickly and in bounded memory', async () => {
      const archive = await tempArchive();
      const peakBefore = process.resourceUsage().maxRSS;
      const started = performance.now();
      const results = await importPaths(archive, [honest, lying]);
      const elapsed = performance.now() - started;
      const peakGrowthMiB = (process.resourceUsage().maxRSS - peakBefore) / 1024;
      const [big, liar] = results;
      if (!big || !liar) throw new Error('missing results');
      expectReadableFailure(big);
      expect(big.error).toMatch(/would unpack to 10\d\d MiB \(at most 256 MiB\); it may be a zip bomb/);
      expectReadableFailure(liar);
      expect(liar.error).toMatch(
        /word\/document\.xml in the DOCX unpacks to more than its header says; it may be a zip bomb/,
      );
      expect(elapsed).toBeLessThan(5000);
      expect(peakGrowthMiB).toBeLessThan(128);
      await expectSoundArchive(archive, results);
    });

    it('refuses a part too large for the Word parser to hold, while counting its bytes', async () => {
      const path = join(dir, 'large-part.docx');
      await writeDocx(
        path,
        { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': PACKAGE_RELS, 'word/document.xml': spacesDocument(40) },
        1,
      );
      const archive = await tempArchive();
      const [result] = await importPaths(archive, [path]);
      if (!result) throw new Error('no result');
      expectReadableFailure(result);
      expect(result.error).toMatch(
        /word\/document\.xml in the DOCX unpacks to more than 32 MiB, too large to read safely$/,
      );
    });

    it('refuses an absurd packing ratio below the size bound', async () => {
      const path = join(dir, 'ratio.docx');
      await writeDocx(
        path,
        { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': PACKAGE_RELS, 'word/document.xml': spacesDocument(48) },
        9,
      );
      const archive = await tempArchive();
      const [result] = await importPaths(archive, [path]);
      if (!result) throw new Error('no result');
      expectReadableFailure(result);
      expect(result.error).toMatch(
        /word\/document\.xml in the DOCX would unpack to \d+ times its packed size; it may be a zip bomb/,
      );
    });
  });

  it('reads no linked file and fetches nothing a document points at', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('FETCHED_LEAK');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const dir = tempDir();
      const secret = join(dir, 'secret.txt');
      writeFileSync(secret, 'LOCAL_FILE_LEAK');
      const blip = (rid: string) =>
        `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="ALT"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
        `<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="${rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
      const path = join(dir, 'linked.docx');
      await writeDocx(path, {
        '[Content_Types].xml': CONTENT_TYPES,
        '_rels/.rels': PACKAGE_RELS,
        'word/document.xml': documentXml(
          paragraphs('Visible sentence.') + blip('rIdFile') + blip('rIdHttp') + blip('rIdUp'),
        ),
        'word/_rels/document.xml.rels':
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rIdFile" Type="${R}/image" Target="file://${secret}" TargetMode="External"/>` +
          `<Relationship Id="rIdHttp" Type="${R}/image" Target="http://127.0.0.1:${port}/i.png" TargetMode="External"/>` +
          `<Relationship Id="rIdUp" Type="${R}/image" Target="../../../../../../..${secret}" TargetMode="External"/></Relationships>`,
      });
      const archive = await tempArchive();
      const { text, all } = await importOne(archive, path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(text).toBe('Visible sentence.');
      expect(requests).toBe(0);
      await expectSoundArchive(archive, all);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says so when a ZIP named .docx holds no Word document', async () => {
    const path = join(tempDir(), 'not-word.docx');
    await writeDocx(path, { 'readme.txt': 'just a zip' });
    const archive = await tempArchive();
    const [result] = await importPaths(archive, [path]);
    if (!result) throw new Error('no result');
    expectReadableFailure(result);
    expect(result.error).toMatch(/not a Word document: the package has no main document part/);
  });
});
