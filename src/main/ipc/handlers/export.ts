/**
 * Handlers for export over the core's gathering and export-from-archive (each export on
 * record in the custody history with the SHA-256 of what was written): a preview of the
 * citations, and the file itself written in a temp folder, read back as bytes for the
 * renderer to save (a browser download, or the desktop's save dialog). An evidence bundle
 * is signed with the user's key where the shell provides one (made on the first bundle
 * export), and verified, signer included, before it is handed over.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../archive/db/repos/db.js';
import { exportFromArchive } from '../../archive/export/export-archive.js';
import { gatherExport, type ExportSelection } from '../../archive/export/gather.js';
import type { ExportFormat } from '../../archive/export/model.js';
import { renderExport } from '../../archive/export/render.js';
import { plain } from '../../archive/export/rich-text.js';
import { verifyBundle } from '../../archive/export/verify.js';
import type { CallInput } from '../../../shared/contract.js';
import { loadOrCreateSigningKey, type SigningKey } from '../../archive/signing/keys.js';
import { readTrustedKeys } from '../../archive/signing/trust-store.js';
import type { HandlersFor, SigningService } from '../types.js';
import { collectionName } from './collections.js';

const FILES: Record<ExportFormat, { ext: string; mime: string }> = {
  md: { ext: 'md', mime: 'text/markdown' },
  html: { ext: 'html', mime: 'text/html' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  csv: { ext: 'csv', mime: 'text/csv' },
  json: { ext: 'json', mime: 'application/json' },
  bundle: { ext: 'zip', mime: 'application/zip' },
};

/** The renderer's source (collections by id) as the core's selection (collections by name). */
async function selectionOf(db: Db, source: CallInput<'export.preview'>['source']): Promise<ExportSelection> {
  switch (source.kind) {
    case 'quotes':
      return { kind: 'quotes', ids: source.quoteIds };
    case 'collection':
      return { kind: 'collection', name: await collectionName(db, source.id) };
    default:
      return source;
  }
}

export const exportHandlers: HandlersFor<'export.preview' | 'export.build'> = {
  'export.preview': async (input, { session }) => {
    const db = session.current().db;
    const { model, warnings } = await gatherExport(db, await selectionOf(db, input.source), { style: input.style });
    const rendered = renderExport(model);
    return {
      title: model.title,
      introduction: model.introduction,
      quotes: rendered.items.map((item) => ({
        quoteId: item.quote.id,
        text: item.quote.text,
        citation: item.citationText,
        note: item.quote.note,
      })),
      bibliography: rendered.bibliography.map((b) => plain(b.entry)),
      warnings: [...warnings, ...rendered.warnings],
    };
  },

  'export.build': async (input, { session, signing }) => {
    const archive = session.current();
    const { ext, mime } = FILES[input.format];
    const fileName = `exhibit-${input.format === 'bundle' ? 'evidence-bundle' : 'quotes'}-${new Date().toISOString().slice(0, 10)}.${ext}`;
    const dir = await mkdtemp(join(tmpdir(), 'exhibit-export-'));
    try {
      const path = join(dir, fileName);
      const warnings: string[] = [];
      let key: SigningKey | null = null;
      const signingKey = async (service: SigningService): Promise<SigningKey> => {
        const found = await service.keyStore();
        if (found.warning) warnings.push(found.warning);
        const loaded = await loadOrCreateSigningKey(found.store);
        if (loaded.created)
          warnings.push(
            `made your signing key ${loaded.fingerprint}: a colleague trusts your bundles with exhibit trust add ${loaded.fingerprint}`,
          );
        return (key = loaded);
      };
      const result = await exportFromArchive(archive, await selectionOf(archive.db, input.source), path, {
        style: input.style,
        format: input.format,
        ...(signing ? { signingKey: () => signingKey(signing) } : {}),
      });
      const trust = signing
        ? { trusted: await readTrustedKeys(signing.trustFile), own: (key as SigningKey | null)?.fingerprint ?? null }
        : undefined;
      const verification = input.format === 'bundle' ? await verifyBundle(result.path, undefined, trust) : null;
      return {
        fileName,
        mimeType: mime,
        data: new Uint8Array(await readFile(result.path)),
        quoteCount: result.quotes,
        verification: verification
          ? { ok: verification.ok, problems: verification.problems, signature: verification.signature }
          : null,
        warnings,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
