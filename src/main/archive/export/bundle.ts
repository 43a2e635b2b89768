/**
 * Evidence bundles: one .zip with the quote document (Markdown, HTML, PDF), the
 * original of every cited document, manifest.json (metadata, SHA-256 and selectors)
 * and a README saying how to check it. The manifest lists every other file with its
 * SHA-256 and names the bundle's id, which the quote documents print and the zip
 * comment repeats with the manifest's own SHA-256: a file added, removed or changed,
 * or a manifest carried over from another bundle, shows up in `exhibit verify`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { DocumentRecord } from '../../../shared/document.js';
import { ArchiveError } from '../errors.js';
import { PAGE_SEPARATOR } from '../quotes/selectors.js';
import { toHtml } from './formats/html.js';
import { toMarkdown } from './formats/markdown.js';
import { toPdf } from './formats/pdf.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleComment,
  MANIFEST_NAME,
  safeFileName,
  type BundleManifest,
  type ManifestDocument,
} from './manifest.js';
import { modelDocuments, type ExportModel } from './model.js';
import { renderExport, type RenderedExport } from './render.js';
import { exhibitVersion } from './resources.js';
import { writeAtomically, type SafeWriteOptions } from './safe-write.js';
import { signManifest, SIGNATURE_NAME } from './signature.js';
import type { SigningKey } from '../signing/keys.js';

export interface BundleOptions extends SafeWriteOptions {
  /** The bytes of a document's original (from the archive). */
  original: (doc: DocumentRecord) => Promise<Uint8Array>;
  /** The id of the archive the bundle comes from. */
  archiveId: string | null;
  /** The source archive's chain head, LENGTH:HASH (custody.ts formatHead). */
  historyHead?: string | null;
  /** Document tags to carry to another archive, by document id. */
  documentTags?: ReadonlyMap<number, string[]>;
  createdAt?: string;
  /** Signs the manifest (signature.json); without it the bundle is unsigned. */
  signingKey?: SigningKey;
}

export interface BundleResult {
  path: string;
  bundleId: string;
  files: number;
  bytes: number;
  warnings: string[];
  rendered: RenderedExport;
  /** The signer's fingerprint; null for an unsigned bundle. */
  signer: string | null;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function signatureReadme(fingerprint: string | null): string[] {
  if (fingerprint === null) return ['This bundle is unsigned: nothing in it shows who made it.'];
  return [
    `Signed by key ${fingerprint}`,
    '  signature.json holds an Ed25519 signature over the exact bytes of manifest.json and the',
    '  signer\'s public key ("publicKey", base64 of its SPKI DER form). The manifest lists every',
    '  other file with its SHA-256, so the signature covers them all. The fingerprint is the',
    '  SHA-256 of the raw 32-byte public key, its first 16 bytes as hex in groups of 4.',
    '  exhibit verify says whether the signer is one of your trusted keys',
    '  (exhibit trust add FINGERPRINT --name NAME). By hand, with OpenSSL 3:',
    '    jq -r .publicKey signature.json | base64 -d > key.der',
    '    jq -r .signature signature.json | base64 -d > sig.bin',
    '    openssl pkeyutl -verify -pubin -inkey key.der -keyform DER -rawin -in manifest.json -sigfile sig.bin',
  ];
}

function readme(manifest: BundleManifest, signer: string | null): string {
  return [
    'EXHIBIT EVIDENCE BUNDLE',
    '',
    `Title:     ${manifest.title}`,
    `Bundle id: ${manifest.bundleId}`,
    `Created:   ${manifest.created} by Exhibit ${manifest.exhibitVersion}`,
    `Contents:  ${manifest.quotes.length} quote(s) from ${manifest.documents.length} document(s)${manifest.facts ? `; a chronology of ${manifest.facts.length} fact(s) citing them (manifest.json, "facts")` : ''}`,
    '',
    'What this is',
    '  quotes.md, quotes.html, quotes.pdf  the quotes with their citations and pinpoint pages',
    '  originals/                          the original file of every cited document, named',
    '                                      <SHA-256>-<file name>',
    "  manifest.json                       each document's metadata and SHA-256, each quote's",
    '                                      place (page, character offsets, exact text, prefix,',
    '                                      suffix), and the SHA-256 of every file in the bundle',
    ...(signer ? ["  signature.json                      the signer's key and signature over manifest.json"] : []),
    '',
    'How to check it',
    '  With Exhibit:   exhibit verify THIS-BUNDLE.zip',
    '    recomputes every SHA-256, re-extracts the text of each original and confirms that',
    '    every quote stands, word for word, at its stated page and place.',
    '',
    '  By hand:        unzip the bundle, then in its folder run',
    '    sha256sum originals/*',
    '    Each file\'s SHA-256 must equal the first 64 characters of its name, the "sha256"',
    '    of its document in manifest.json, and its entry under "files". Every other file',
    '    (this README, quotes.*) is listed under "files" with its SHA-256 too. The zip\'s',
    '    comment (unzip -z) names this bundle id and the SHA-256 of manifest.json.',
    '',
    ...signatureReadme(signer),
    '',
    'Offsets count UTF-16 code units in the text Exhibit extracts from each original, pages',
    `joined by ${JSON.stringify(manifest.pageSeparator)}; "page" is the physical page, from 1.`,
    '',
  ].join('\n');
}

function manifestDocument(doc: DocumentRecord, path: string, tags: string[]): ManifestDocument {
  return {
    id: doc.id,
    sha256: doc.sha256,
    size: doc.size,
    path,
    fileName: doc.fileName,
    format: doc.format,
    mimeType: doc.mimeType,
    title: doc.title,
    type: doc.type,
    authors: doc.authors,
    recipients: doc.recipients,
    organization: doc.organization,
    date: doc.date,
    source: doc.source,
    url: doc.url,
    description: doc.description,
    pageCount: doc.pageCount,
    pageLabels: doc.pageLabels,
    pageLabelOffset: doc.pageLabelOffset,
    tags,
  };
}

/** Writes the evidence bundle for `model` to `path`. */
export async function writeBundle(model: ExportModel, path: string, options: BundleOptions): Promise<BundleResult> {
  const bundleId = randomUUID();
  const created = options.createdAt ?? new Date().toISOString();
  const rendered = renderExport(model, { bundleId, createdAt: created });
  const pdf = await toPdf(rendered);
  const texts: [string, Uint8Array][] = [
    ['quotes.md', Buffer.from(toMarkdown(rendered))],
    ['quotes.html', Buffer.from(toHtml(rendered))],
    ['quotes.pdf', pdf.bytes],
  ];
  const files: BundleManifest['files'] = [];
  const documents: ManifestDocument[] = [];
  const originals: { path: string; doc: DocumentRecord }[] = [];
  const usedPaths = new Set<string>();
  for (const doc of modelDocuments(model)) {
    let zipPath = `originals/${doc.sha256}-${safeFileName(doc.fileName)}`;
    // Two documents never share a SHA-256 in one archive, but be sure no path is reused.
    for (let n = 2; usedPaths.has(zipPath); n++) zipPath = `originals/${doc.sha256}-${n}-${safeFileName(doc.fileName)}`;
    usedPaths.add(zipPath);
    documents.push(manifestDocument(doc, zipPath, options.documentTags?.get(doc.id) ?? []));
    originals.push({ path: zipPath, doc });
    files.push({ path: zipPath, sha256: doc.sha256, size: doc.size });
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exhibitVersion: exhibitVersion(),
    bundleId,
    created,
    archiveId: options.archiveId,
    historyHead: options.historyHead ?? null,
    title: model.title,
    introduction: model.introduction,
    style: model.style,
    pageSeparator: PAGE_SEPARATOR,
    documents,
    quotes: rendered.items.map((item) => ({
      id: item.quote.id,
      documentId: item.document.id,
      page: item.quote.page,
      pageEnd: item.quote.pageEnd,
      start: item.quote.start,
      end: item.quote.end,
      exact: item.quote.text,
      prefix: item.quote.prefix,
      suffix: item.quote.suffix,
      note: item.quote.note,
      tags: item.quote.tags,
      pageLabel: item.pinpoint,
      citation: item.citationText,
    })),
    ...(model.facts ? { facts: model.facts } : {}),
    files,
  };
  const signer = options.signingKey?.fingerprint ?? null;
  const readmeBytes = Buffer.from(readme(manifest, signer));
  const fixed: [string, Uint8Array][] = [['README.txt', readmeBytes], ...texts];
  manifest.files = [
    ...fixed.map(([p, bytes]) => ({ path: p, sha256: sha256(bytes), size: bytes.byteLength })),
    ...files,
  ];
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  const signatureBytes = options.signingKey ? signManifest(manifestBytes, options.signingKey) : null;

  const target = await writeAtomically(path, options, async (temp) => {
    const zip = new yazl.ZipFile();
    const mtime = new Date(created);
    zip.addBuffer(readmeBytes, 'README.txt', { mtime });
    zip.addBuffer(manifestBytes, MANIFEST_NAME, { mtime });
    if (signatureBytes) zip.addBuffer(signatureBytes, SIGNATURE_NAME, { mtime });
    for (const [name, data] of texts) zip.addBuffer(Buffer.from(data), name, { mtime });
    const done = pipeline(zip.outputStream, createWriteStream(temp));
    try {
      for (const { path: zipPath, doc } of originals) {
        const data = await options.original(doc);
        if (sha256(data) !== doc.sha256) {
          throw new ArchiveError(
            'corrupt',
            `document ${doc.id} (${doc.fileName}): its original no longer matches its SHA-256; run exhibit check`,
          );
        }
        // Originals are often compressed already (PDF, DOCX): store those as they are.
        const compress = !/\.(pdf|docx|zip|jpe?g|png|gz)$/i.test(doc.fileName);
        zip.addBuffer(Buffer.from(data), zipPath, { mtime, compress });
      }
      zip.end({ comment: bundleComment(bundleId, sha256(manifestBytes)), forceZip64Format: false });
    } catch (error) {
      (zip.outputStream as unknown as { destroy(): void }).destroy();
      await done.catch(() => undefined);
      throw error;
    }
    await done;
  });
  const { size } = await stat(target);
  const fileCount = manifest.files.length + (signatureBytes ? 2 : 1);
  return {
    path: target,
    bundleId,
    files: fileCount,
    bytes: size,
    warnings: [...rendered.warnings, ...pdf.warnings],
    rendered,
    signer,
  };
}
