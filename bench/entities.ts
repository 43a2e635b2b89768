/**
 * People and organisations (issue 17): precision and recall per type on the hand-labelled
 * sample (tests/fixtures/entities), seen and held-out apart, and extraction speed in pages
 * per second (extractMentions and mergeEntities, one release a page) over a fixed sample of
 * Senate press releases (unpacked by the search bench, or EXHIBIT_SENATE). Then the same
 * stored in an archive (entities-store.ts): pages/s after import and the facets' times.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { extractMentions, mergeEntities } from '../src/main/archive/entities/index.js';
import { IMPORTERS } from '../src/main/archive/importers/index.js';
import { entityLabels, figures, scoreDocument, type ScoredDocument } from '../tests/entities/labelled-entities.js';
import { sampleReleases, senateFolder } from './infer-speed.js';
import { storedEntities } from './entities-store.js';
import type { BenchModule } from './types.js';

const ROOT = resolve(import.meta.dirname, '..');
const RELEASES = Math.max(10, Number(process.env['ENTITIES_SPEED_DOCS'] ?? 2500));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Speed {
  pages: number;
  chars: number;
  seconds: number;
  firstRoundSeconds: number;
  pagesPerSecond: number;
  mentions: number;
}

async function speed(): Promise<Speed | null> {
  const folder = senateFolder(ROOT);
  if (!folder) return null;
  const pages: string[] = [];
  for (const file of sampleReleases(folder, RELEASES)) {
    const doc = await IMPORTERS.text(new Uint8Array(readFileSync(file)), basename(file));
    pages.push(...doc.pages.map((p) => p.text));
  }
  const chars = pages.reduce((n, p) => n + p.length, 0);
  const rounds: number[] = [];
  let mentions = 0;
  for (let round = 0; round < 2; round++) {
    const started = performance.now();
    mentions = 0;
    for (const text of pages) {
      const found = extractMentions([{ page: 1, text }]);
      mergeEntities(found);
      mentions += found.length;
    }
    rounds.push((performance.now() - started) / 1000);
  }
  const seconds = Math.min(...rounds);
  return {
    pages: pages.length,
    chars,
    seconds,
    firstRoundSeconds: rounds[0] ?? 0,
    pagesPerSecond: pages.length / seconds,
    mentions,
  };
}

export const bench: BenchModule = {
  name: 'entities',
  description: 'people and organisations: precision/recall on the labelled sample, pages/s over Senate releases',
  async run() {
    const scored: ScoredDocument[] = [];
    for (const label of entityLabels()) scored.push(await scoreDocument(label));
    const parts = {
      all: scored,
      seen: scored.filter((s) => !s.label.heldOut),
      heldOut: scored.filter((s) => s.label.heldOut),
    };
    const rows = ['set       docs  type    precision recall  (right/found, hit/labelled)'];
    const data: Record<string, unknown> = {};
    for (const [name, set] of Object.entries(parts)) {
      const perType: Record<string, unknown> = {};
      for (const type of ['person', 'org'] as const) {
        const f = figures(set, type);
        perType[type] = f;
        rows.push(
          `${name.padEnd(9)} ${String(set.length).padStart(4)}  ${type.padEnd(7)} ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(6)}  (${f.right}/${f.found}, ${f.hit}/${f.labelled})`,
        );
      }
      data[name] = { documents: set.length, types: perType };
    }
    const summary: string[] = [];
    const releases = await speed();
    data['releases'] = releases;
    if (!releases)
      summary.push('Senate releases not unpacked (run the search bench first, or set EXHIBIT_SENATE): no speed figure');
    else
      summary.push(
        `extraction and merging: ${releases.pagesPerSecond.toFixed(0)} pages/s over ${releases.pages} releases (${(releases.chars / releases.seconds / 1e3).toFixed(0)} kB/s, fastest of 2 rounds; first round ${releases.firstRoundSeconds.toFixed(2)} s), ${releases.mentions} mentions`,
      );
    const stored = await storedEntities(ROOT);
    data['stored'] = stored;
    if (!stored)
      summary.push('the search bench’s archive is not built (.tmp/bench-search): no stored-extraction figure');
    else
      summary.push(
        `stored extraction after import: ${stored.pagesPerSecond.toFixed(0)} pages/s over ${stored.documents} documents (${stored.pages} pages, ${stored.seconds.toFixed(0)} s, ${stored.failures} failed), ${stored.entities} entities`,
        `people/organisations facet ${stored.entityFacetMs.toFixed(1)} ms, whole library facets ${stored.libraryFacetsMs.toFixed(1)} ms, search "senator" --entity "${stored.entity}" ${stored.searchByEntityMs.toFixed(1)} ms (medians of 7)`,
      );
    return { table: rows.join('\n'), summary, data };
  },
};
