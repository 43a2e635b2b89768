import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/archive/index.js';
import { MAX_ATTACHMENT_DEPTH } from '../../src/main/archive/import/import-files.js';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';
import { expectReadableFailure, expectSoundArchive, importOne, stored } from '../helpers/import.js';

/** 日本語 in ISO-2022-JP: JIS X 0208 between ESC $ B and ESC ( B. */
const JAPANESE_JIS = Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x1b, 0x28, 0x42]);

function message(headers: Record<string, string>, body: string): string {
  return (
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') +
    '\r\n\r\n' +
    body
  );
}

describe('the email importer', () => {
  it('takes sender, recipients, subject, date and organization from the headers, and the text part as body', async () => {
    const archive = await tempArchive();
    const { document, text, all } = await importOne(
      archive,
      corpus('eml', 'spamassassin__spamassassin_iso-2022-jp.eml'),
    );
    expect(document.format).toBe('email');
    expect(document.type).toBe('email');
    expect(document.title).toBe('MIME text/plain attach with Shift_JIS (CP932)');
    expect(document.authors).toEqual(['Shinichiro HIDA <shinichiro@stained-g.net>']);
    expect(document.recipients).toEqual(['mhonarc-users@mhonarc.org']);
    expect(document.date).toBe('2002-12-16');
    expect(document.organization).toBe('Stained Glass');
    expect(text).toContain('Now, I try to test MHonArc2002-12-16-snap.');

    // The Shift_JIS attachment is a document of its own, linked to its email, decoded by its part's charset.
    const attachment = all.find((r) => r.path.endsWith('#test-sjis.txt'));
    expect(attachment?.status).toBe('imported');
    if (!attachment) return;
    const child = await stored(archive, attachment);
    expect(child.document.parentId).toBe(document.id);
    expect(child.document.fileName).toBe('test-sjis.txt');
    expect(child.text).toContain('文字コード(charset)    : Shift_JIS');
    await expectSoundArchive(archive, all);
  });

  it('keeps the date the sender wrote, not its UTC day, and leaves organization empty when no header says it', async () => {
    const archive = await tempArchive();
    const { document } = await importOne(archive, corpus('eml', 'spamassassin__spamassassin_big5-base64.eml'));
    // Date: Tue, 19 Jun 2001 01:16:04 +0800 is 18 June in UTC.
    expect(document.date).toBe('2001-06-19');
    expect(document.organization).toBeNull();
  });

  it('decodes Big5 mail, 8-bit Subject included, and ISO-2022-JP bodies and encoded words', async () => {
    const archive = await tempArchive();
    const big5 = await importOne(archive, corpus('eml', 'spamassassin__spamassassin_big5-base64.eml'));
    expect(big5.document.title).toBe(
      '[SLAT-talk] 鉅靡6月17日新片又到.如有重複寄發.敬請原諒!．．．．．．鉅靡6月17日新片又到.如有重複寄發.敬請原諒!．．．',
    );
    expect(big5.text).toContain('永久網址：gimit.cn.st或gimit99.iscool.net');
    expect(big5.text).not.toMatch(/<(table|font|td)\b/i);

    expect(new TextDecoder('iso-2022-jp').decode(JAPANESE_JIS)).toBe('日本語');
    const path = join(tempDir(), 'jis.eml');
    const head = message(
      {
        From: '=?ISO-2022-JP?B?' + JAPANESE_JIS.toString('base64') + '?= <tanaka@example.jp>',
        To: 'desk@example.org',
        Subject: '=?ISO-2022-JP?B?' + JAPANESE_JIS.toString('base64') + '?= report',
        Date: 'Mon, 3 Feb 2020 09:00:00 +0900',
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=ISO-2022-JP',
        'Content-Transfer-Encoding': '7bit',
      },
      '',
    );
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from('Body: '), JAPANESE_JIS, Buffer.from(' text\r\n')]),
    );
    const jis = await importOne(archive, path);
    expect(jis.document.title).toBe('日本語 report');
    expect(jis.document.authors).toEqual(['日本語 <tanaka@example.jp>']);
    expect(jis.text).toBe('Body: 日本語 text');
    expect(jis.document.date).toBe('2020-02-03');
  });

  it('decodes a text attachment by the charset its folded part header declares', async () => {
    const decoder = new TextDecoder('windows-1251');
    const cp1251 = new Map<string, number>();
    for (let b = 0x80; b <= 0xff; b++) cp1251.set(decoder.decode(new Uint8Array([b])), b);
    const russian = 'Заявление для прессы';
    const encoded = Buffer.from([...russian].map((c) => (c === ' ' ? 0x20 : (cp1251.get(c) ?? 0x3f))));
    expect(decoder.decode(encoded)).toBe(russian);
    const path = join(tempDir(), 'cyrillic.eml');
    const head = message(
      {
        From: 'press@example.ru',
        Subject: 'statement',
        'MIME-Version': '1.0',
        'Content-Type': 'multipart/mixed; boundary="x"',
      },
      '--x\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--x\r\nContent-Type: text/plain;\r\n\tcharset="windows-1251";\r\n\tname="zayavlenie.txt"\r\n' +
        'Content-Disposition: attachment;\r\n filename="zayavlenie.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
        encoded.toString('base64') +
        '\r\n--x--\r\n',
    );
    writeFileSync(path, head);
    const archive = await tempArchive();
    const results = await importPaths(archive, [path]);
    const attachment = results.find((r) => r.path.endsWith('#zayavlenie.txt'));
    if (!attachment) throw new Error('the attachment was not imported');
    const child = await stored(archive, attachment);
    expect(child.text).toBe(russian);
    expect(child.document.parentId).toBe(results[0]?.documentId);
  });

  it('imports attachments and forwarded messages as linked documents, at every depth', async () => {
    const archive = await tempArchive();
    const results = await importPaths(archive, [
      corpus('eml', 'spamassassin__spamassassin_mime9.eml'),
      corpus('eml', 'mailparser__delivery-status.eml'),
    ]);
    expect(results.every((r) => r.status === 'imported')).toBe(true);
    const byPath = new Map(results.map((r) => [r.path.replace(/^.*\//, ''), r]));

    const top = byPath.get('spamassassin__spamassassin_mime9.eml');
    const forwarded = byPath.get('spamassassin__spamassassin_mime9.eml#attached-message-1.eml');
    const inner = byPath.get('spamassassin__spamassassin_mime9.eml#attached-message-1.eml#attached-message-1.eml');
    if (!top || !forwarded || !inner) throw new Error(`missing results: ${[...byPath.keys()].join(', ')}`);
    const fwd = await stored(archive, forwarded);
    const innermost = await stored(archive, inner);
    expect(fwd.document.parentId).toBe(top.documentId);
    expect(innermost.document.parentId).toBe(forwarded.documentId);
    expect(innermost.document.title).toBe('Fw: New University....');
    expect(innermost.document.fileName).toBe('attached-message-1.eml');
    // Its picture is an image document of its own (OCR reads it), linked to the message it came with.
    const picture = [...byPath.entries()].find(([name]) => name.endsWith('#NeverlandUniversity.jpg'))?.[1];
    expect(picture?.status).toBe('imported');
    const image = await stored(archive, picture ?? inner);
    expect(image.document).toMatchObject({ format: 'image', mimeType: 'image/jpeg', parentId: inner.documentId });

    const dsn = byPath.get('mailparser__delivery-status.eml');
    const status = byPath.get('mailparser__delivery-status.eml#delivery-status-1.txt');
    const bounced = byPath.get('mailparser__delivery-status.eml#attached-message-2.eml');
    if (!dsn || !status || !bounced) throw new Error('missing delivery-status results');
    expect((await stored(archive, status)).text).toContain('Final-Recipient: rfc822; xxxx@xxxx.com');
    const returned = await stored(archive, bounced);
    expect(returned.document.parentId).toBe(dsn.documentId);
    expect(returned.document.title).toBe('Example Subject');
    await expectSoundArchive(archive, results);
  });

  it('follows nested messages only so deep, and says where it stopped', async () => {
    const dir = tempDir();
    let eml = message({ From: 'deepest@example.org', Subject: 'level 12', 'Content-Type': 'text/plain' }, 'bottom\r\n');
    for (let level = 11; level >= 0; level--) {
      eml = message(
        {
          From: `l${level}@example.org`,
          Subject: `level ${level}`,
          'MIME-Version': '1.0',
          'Content-Type': `multipart/mixed; boundary="b${level}"`,
        },
        `--b${level}\r\nContent-Type: text/plain\r\n\r\nwrapper ${level}\r\n--b${level}\r\nContent-Type: message/rfc822\r\n\r\n${eml}\r\n--b${level}--\r\n`,
      );
    }
    const path = join(dir, 'russian-doll.eml');
    writeFileSync(path, eml);
    const archive = await tempArchive();
    const results = await importPaths(archive, [path]);
    const imported = results.filter((r) => r.status === 'imported');
    expect(imported).toHaveLength(MAX_ATTACHMENT_DEPTH + 1);
    const last = imported[imported.length - 1];
    if (!last) throw new Error('nothing imported');
    const deepest = await stored(archive, last);
    expect(deepest.document.title).toBe(`level ${MAX_ATTACHMENT_DEPTH}`);
    expect(deepest.document.warnings.join(' ')).toMatch(/not imported: nested more than 8 deep/);
    await expectSoundArchive(archive, results);
  });

  it('reads an HTML-only or hostile body as text only', async () => {
    const archive = await tempArchive();
    const xss = await importOne(archive, corpus('hostile', 'constructed__xss_html_email.eml'));
    expect(xss.text).toBe('Plain part.');
    expect(xss.text).not.toMatch(/<script|alert\(/);
    // Header values are kept as the words they are (the app shows them as text, never as markup).
    expect(xss.document.title).toBe('Statement <img src=x onerror=alert(1)>');
    expect(xss.document.authors).toEqual(['Press Office <script>alert(1)</script> <press@example.gov>']);

    const htmlOnly = await importOne(archive, corpus('eml', 'mikelmail__content_transfer_encoding_with_8bits.eml'));
    expect(htmlOnly.text).toContain('PROVANTAGE Customer: jeff_dasovich@enron.com');
    expect(htmlOnly.text).not.toMatch(/<\/?(td|table|font|a)\b|&nbsp;/i);
  });

  it('survives the mails that crash parsers, in bounded time', async () => {
    const archive = await tempArchive();
    const names = [
      'mailparser__htmllargecallstack.eml',
      'mailparser__outofmemory.eml',
      'mailparser__large_text.eml',
      'mikelmail__encoding_madness.eml',
      'mikelmail__bad_encoded_subject.eml',
      'mikelmail__content_transfer_encoding_x_uuencode.eml',
    ];
    const started = performance.now();
    const results = await importPaths(
      archive,
      names.map((n) => corpus('hostile', n)),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(results.map((r) => r.status)).toEqual(names.map(() => 'imported'));
    const titles = await Promise.all(results.map(async (r) => (await stored(archive, r)).document.title));
    expect(titles).toEqual([
      'Kill the HTML parser',
      'Cause out of memory error in the mailparser',
      '[Bug 381598] Re: ubiquity crashes in ubuntu 9.04 installation',
      'eBay Bid - 2008 Ford Super Duty F-350 DRW King Ranch Crew Cab 4x4 (156) - Stock# XXXX',
      'TEST',
      'PGP Comments on RTO West Release of Dec. 14',
    ]);
    const large = await stored(archive, results[2] as (typeof results)[number]);
    expect(large.text.length).toBeGreaterThan(1_000_000);
    await expectSoundArchive(archive, results);
  });

  it('refuses random bytes, MIME nested past the bound, and keeps the batch going', async () => {
    const dir = tempDir();
    const random = join(dir, 'random.eml');
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const deep = join(dir, 'deep-mime.eml');
    let body = 'leaf\r\n';
    for (let level = 199; level >= 0; level--)
      body = `--d${level}\r\nContent-Type: multipart/mixed; boundary="d${level + 1}"\r\n\r\n${body}\r\n--d${level}--\r\n`;
    writeFileSync(
      deep,
      message(
        {
          From: 'a@example.org',
          Subject: 'deep',
          'MIME-Version': '1.0',
          'Content-Type': 'multipart/mixed; boundary="d0"',
        },
        body,
      ),
    );
    const broken = join(dir, 'broken.eml');
    writeFileSync(
      broken,
      message(
        {
          From: 'x@example.org',
          Subject: '=?utf-8?B?broken base64',
          'Content-Type': 'multipart/mixed; boundary="never-closed"',
        },
        '--never-closed\r\nContent-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n',
      ),
    );
    const good = join(dir, 'good.eml');
    writeFileSync(
      good,
      message(
        { From: 'ok@example.org', Subject: 'after the bad ones', Date: '2 Mar 2021 10:00 +0000' },
        'Still imported.\r\n',
      ),
    );
    const archive = await tempArchive();
    const results = await importPaths(archive, [random, deep, broken, good]);
    const [r, d, b, g] = results;
    if (!r || !d || !b || !g) throw new Error('missing results');
    expectReadableFailure(r);
    expect(r.error).toContain('not an email');
    expectReadableFailure(d);
    expect(d.error).toMatch(/nested more than 64 deep/);
    expect(b.status).toBe('imported');
    expect(g.status).toBe('imported');
    expect((await stored(archive, g)).text).toBe('Still imported.');
    await expectSoundArchive(archive, results);
  });
});
