/**
 * `exhibit verify`: checks an evidence bundle against itself, from the zip alone.
 * Every file's SHA-256 against the manifest, every original's against its document,
 * the manifest against the zip comment (a manifest carried over from another bundle
 * names another bundle), then each original's text re-extracted with the importers
 * that made the archive, and each quote's exact text, prefix and suffix at its page
 * and offsets. Nothing is written to disk.
 */
import { createHash } from 'node:crypto';
import type { Entry } from 'yauzl';
import { messageOf } from '../errors.js';
import { extractDocument } from '../importers/isolated-extract.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_NAME,
  manifestSchema,
  parseBundleComment,
  type BundleManifest,
  type ManifestQuote,
} from './manifest.js';
import { joinPages, PAGE_SEPARATOR, placeClaim, type JoinedPages } from '../quotes/selectors.js';
import { openZip, type OpenedZip, type ZipLimits } from './zip-read.js';
import { checkSignature, SIGNATURE_NAME, type BundleSignature } from './signature.js';
import type { TrustContext } from '../signing/trust-store.js';

export type VerifyProblemKind =
  'zip' | 'manifest' | 'bundle' | 'signature' | 'file' | 'original' | 'extract' | 'quote' | 'fact';

export interface VerifyProblem {
  kind: VerifyProblemKind;
  file?: string;
  quoteId?: number;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  bundleId: string | null;
  formatVersion: number | null;
  documents: number;
  quotes: number;
  files: number;
  problems: VerifyProblem[];
  /** Who signed the bundle (null when its manifest could not be read). */
  signature: BundleSignature | null;
  /** Things that hold but are worth knowing (a quote found at other offsets on its page). */
  notes: string[];
}

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describe(quote: ManifestQuote): string {
  return `quote ${quote.id} (document ${quote.documentId}, page ${quote.page})`;
}

/** Every quote a fact cites must be a quote of the bundle, so verifying the quotes covers the facts. */
function factProblems(manifest: BundleManifest): VerifyProblem[] {
  const quoteIds = new Set(manifest.quotes.map((q) => q.id));
  return (manifest.facts ?? []).flatMap((fact) =>
    fact.sources
      .filter((s) => !quoteIds.has(s.quoteId))
      .map((s) => ({
        kind: 'fact' as const,
        quoteId: s.quoteId,
        message: `fact ${fact.id} (${fact.date}): cites quote ${s.quoteId}, which is not in the bundle`,
      })),
  );
}

async function readManifest(zip: OpenedZip, problems: VerifyProblem[]): Promise<BundleManifest | null> {
  if (!zip.entries.has(MANIFEST_NAME)) {
    problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: 'manifest.json is missing: this is not an Exhibit evidence bundle, or it was altered',
    });
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse((await zip.read(MANIFEST_NAME, MAX_MANIFEST_BYTES)).toString('utf8'));
  } catch (error) {
    problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: `manifest.json cannot be read (${messageOf(error)})`,
    });
    return null;
  }
  const head = value as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== BUNDLE_FORMAT) {
    problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: 'manifest.json is not an Exhibit bundle manifest',
    });
    return null;
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > BUNDLE_FORMAT_VERSION) {
    problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: `the bundle was made by a newer Exhibit (bundle format ${head.formatVersion}; this version reads up to ${BUNDLE_FORMAT_VERSION}): update Exhibit to verify it`,
    });
    return null;
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: `manifest.json is malformed at ${issue?.path.join('.') || 'its top'}: ${issue?.message ?? 'invalid'}`,
    });
    return null;
  }
  return parsed.data;
}

/** Re-extracts an original's page texts with the importers; a reason on failure. */
async function extractPages(bytes: Uint8Array, fileName: string): Promise<string[] | string> {
  try {
    const extracted = await extractDocument(bytes, fileName);
    return extracted.pages.map((p) => p.text);
  } catch (error) {
    return messageOf(error);
  }
}

function checkQuote(quote: ManifestQuote, joined: JoinedPages, problems: VerifyProblem[], notes: string[]): void {
  const fail = (message: string) =>
    problems.push({ kind: 'quote', quoteId: quote.id, message: `${describe(quote)}: ${message}` });
  if (quote.pageEnd < quote.page || quote.pageEnd > joined.pages.length) {
    fail(`the document has ${joined.pages.length} page(s); the quote claims pages ${quote.page}–${quote.pageEnd}`);
    return;
  }
  const place = placeClaim(joined, quote);
  switch (place.kind) {
    case 'at-place':
      if (!place.prefixHolds) fail('the text before it no longer matches its prefix');
      if (!place.suffixHolds) fail('the text after it no longer matches its suffix');
      return;
    case 'on-its-pages':
      notes.push(
        `${describe(quote)} stands on its page at other offsets than recorded (the text extraction may have changed)`,
      );
      return;
    case 'out-of-range':
      fail('its offsets fall outside the page text');
      return;
    case 'absent':
      fail('its exact text is not at its stated place in the original');
  }
}

/** The bundle's signature over its manifest; a wrong one is a problem. */
async function readSignature(
  zip: OpenedZip,
  problems: VerifyProblem[],
  trust: TrustContext | undefined,
): Promise<BundleSignature> {
  const manifestBytes = await zip.read(MANIFEST_NAME, MAX_MANIFEST_BYTES);
  let signatureBytes: Buffer | undefined;
  if (zip.entries.has(SIGNATURE_NAME)) {
    try {
      signatureBytes = await zip.read(SIGNATURE_NAME);
    } catch (error) {
      signatureBytes = Buffer.from(`unreadable: ${messageOf(error)}`);
    }
  }
  const signature = checkSignature(signatureBytes, manifestBytes, trust);
  if (signature.status === 'invalid')
    problems.push({ kind: 'signature', file: SIGNATURE_NAME, message: signature.message });
  return signature;
}

/**
 * Verifies the bundle at `zipPath`; never throws for a bad bundle, only reports. With
 * `trust`, the signer is named as trusted or not; an unsigned bundle is reported in
 * `signature`, not as a problem (bundles from before signing are unsigned).
 */
export async function verifyBundle(zipPath: string, limits?: ZipLimits, trust?: TrustContext): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const notes: string[] = [];
  let signature: BundleSignature | null = null;
  const report = (manifest: BundleManifest | null, files = 0): VerifyReport => ({
    ok: problems.length === 0,
    bundleId: manifest?.bundleId ?? null,
    formatVersion: manifest?.formatVersion ?? null,
    documents: manifest?.documents.length ?? 0,
    quotes: manifest?.quotes.length ?? 0,
    files,
    problems,
    signature,
    notes,
  });
  let zip: OpenedZip;
  try {
    zip = await openZip(zipPath, limits);
  } catch (error) {
    problems.push({ kind: 'zip', file: zipPath, message: `${zipPath}: ${messageOf(error)}` });
    return report(null);
  }
  try {
    const manifest = await readManifest(zip, problems);
    if (!manifest) return report(null, zip.entries.size);
    if (manifest.pageSeparator !== PAGE_SEPARATOR) {
      problems.push({
        kind: 'manifest',
        file: MANIFEST_NAME,
        message: `manifest.json joins pages with ${JSON.stringify(manifest.pageSeparator)}, not ${JSON.stringify(PAGE_SEPARATOR)} as every Exhibit bundle does: its offsets cannot be checked`,
      });
      return report(manifest, zip.entries.size);
    }

    try {
      signature = await readSignature(zip, problems, trust);
    } catch (error) {
      problems.push({
        kind: 'signature',
        file: MANIFEST_NAME,
        message: `the signature cannot be checked (${messageOf(error)})`,
      });
    }

    const comment = parseBundleComment(zip.comment);
    if (!comment) {
      notes.push(
        'the zip carries no Exhibit comment (it may have been re-packed): manifest.json is checked against the files only',
      );
    } else {
      if (comment.bundleId !== manifest.bundleId) {
        problems.push({
          kind: 'bundle',
          file: MANIFEST_NAME,
          message: `manifest.json belongs to bundle ${manifest.bundleId}, but this zip is bundle ${comment.bundleId}`,
        });
      }
      const manifestHash = sha256(await zip.read(MANIFEST_NAME, MAX_MANIFEST_BYTES));
      if (comment.manifestSha256 !== manifestHash) {
        problems.push({
          kind: 'bundle',
          file: MANIFEST_NAME,
          message:
            'manifest.json was changed after the bundle was made (its SHA-256 differs from the one the zip records)',
        });
      }
    }

    // Every file: listed, present, unchanged; and nothing unlisted.
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const name of zip.entries.keys()) {
      if (name !== MANIFEST_NAME && name !== SIGNATURE_NAME && !listed.has(name))
        problems.push({
          kind: 'file',
          file: name,
          message: `${name} is not listed in manifest.json (added after the bundle was made)`,
        });
    }
    for (const file of manifest.files) {
      const entry: Entry | undefined = zip.entries.get(file.path);
      if (!entry) {
        problems.push({
          kind: 'file',
          file: file.path,
          message: `${file.path} is listed in manifest.json but missing from the bundle`,
        });
        continue;
      }
      // Originals are hashed below, with their text; the rest here.
      if (manifest.documents.some((d) => d.path === file.path)) continue;
      try {
        const actual = sha256(await zip.read(file.path));
        if (actual !== file.sha256)
          problems.push({
            kind: 'file',
            file: file.path,
            message: `${file.path} was changed after the bundle was made (SHA-256 ${actual}, manifest says ${file.sha256})`,
          });
      } catch (error) {
        problems.push({ kind: 'file', file: file.path, message: `${file.path}: ${messageOf(error)}` });
      }
    }

    // Originals: SHA-256, then text, then every quote on them.
    const quotesByDoc = new Map<number, ManifestQuote[]>();
    for (const q of manifest.quotes) quotesByDoc.set(q.documentId, [...(quotesByDoc.get(q.documentId) ?? []), q]);
    const docIds = new Set(manifest.documents.map((d) => d.id));
    for (const q of manifest.quotes) {
      if (!docIds.has(q.documentId))
        problems.push({ kind: 'quote', quoteId: q.id, message: `${describe(q)}: its document is not in the bundle` });
    }
    problems.push(...factProblems(manifest));
    for (const doc of manifest.documents) {
      const quotes = quotesByDoc.get(doc.id) ?? [];
      const listedFile = listed.get(doc.path);
      // The README promises that `sha256sum originals/*` checks each original by its name alone.
      if (!doc.path.slice(doc.path.lastIndexOf('/') + 1).startsWith(doc.sha256)) {
        problems.push({
          kind: 'original',
          file: doc.path,
          message: `${doc.path}: the original of document ${doc.id} is not named after its SHA-256 (${doc.sha256}), as every original in a bundle is`,
        });
      }
      if (!zip.entries.has(doc.path)) {
        if (listedFile) continue; // already reported missing
        problems.push({
          kind: 'original',
          file: doc.path,
          message: `${doc.path}: the original of document ${doc.id} is missing`,
        });
        continue;
      }
      if (!listedFile)
        problems.push({
          kind: 'file',
          file: doc.path,
          message: `${doc.path} is not listed under "files" in manifest.json`,
        });
      let bytes: Buffer;
      try {
        bytes = await zip.read(doc.path);
      } catch (error) {
        problems.push({ kind: 'original', file: doc.path, message: `${doc.path}: ${messageOf(error)}` });
        continue;
      }
      const actual = sha256(bytes);
      if (actual !== doc.sha256 || (listedFile && listedFile.sha256 !== doc.sha256)) {
        problems.push({
          kind: 'original',
          file: doc.path,
          message: `${doc.path}: the original of document ${doc.id} ("${doc.title}") does not match its SHA-256 (now ${actual}, recorded ${doc.sha256})`,
        });
        for (const q of quotes)
          problems.push({
            kind: 'quote',
            quoteId: q.id,
            message: `${describe(q)}: its original was altered, so the quote cannot be confirmed`,
          });
        continue;
      }
      if (quotes.length === 0) continue;
      const pages = await extractPages(bytes, doc.fileName);
      if (typeof pages === 'string') {
        problems.push({
          kind: 'extract',
          file: doc.path,
          message: `${doc.path}: its text could not be extracted (${pages})`,
        });
        continue;
      }
      const joined = joinPages(pages);
      for (const q of quotes) checkQuote(q, joined, problems, notes);
    }
    return report(manifest, zip.entries.size);
  } finally {
    zip.close();
  }
}
