/**
 * Entities stored in an archive (issue 17): extraction after import over the search bench's
 * archive of 20,000 Senate releases (five pages each), in pages per second through the real
 * path (read pages, extract, link, one transaction a document), then the library's people
 * and organisations facets and a search filtered by an entity, each timed on the result.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../src/main/archive/archive.js';
import { extractEntities } from '../src/main/archive/entity-store/extract.js';
import { listEntities } from '../src/main/archive/entity-store/read.js';
import { liveEntityCounts } from '../src/main/archive/db/repos/library/facets-sql.js';
import { libraryFacets } from '../src/main/archive/library-facets.js';
import { search } from '../src/main/archive/search/search.js';

export interface StoredEntityFigures {
  documents: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  failures: number;
  entities: number;
  /** Median of 7 runs, after one to warm the page cache. */
  entityFacetMs: number;
  libraryFacetsMs: number;
  searchByEntityMs: number;
  entity: string;
}

async function medianMs(work: () => Promise<unknown>, runs = 7): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

/** Null when the search bench has not built its archive yet. */
export async function storedEntities(root: string): Promise<StoredEntityFigures | null> {
  const source = join(root, '.tmp', 'bench-search', 'archive.exhibit');
  if (!existsSync(source)) return null;
  const dir = join(root, '.tmp', 'bench-entities');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'archive.exhibit');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(source, path);
  const archive = await openArchive(path, { mode: 'write' });
  try {
    const report = await extractEntities(archive, { all: true });
    const entities = await listEntities(archive.db, { type: 'person' });
    const top = entities[0]?.name ?? '';
    return {
      documents: report.documents.length,
      pages: report.pages,
      seconds: report.ms / 1000,
      pagesPerSecond: report.pages / (report.ms / 1000),
      failures: report.failures.length,
      entities: (await listEntities(archive.db)).length,
      entityFacetMs: await medianMs(() => liveEntityCounts(archive.db, 500)),
      libraryFacetsMs: await medianMs(() => libraryFacets(archive.db)),
      searchByEntityMs: await medianMs(() => search(archive.db, 'senator', { entity: top, limit: 20 })),
      entity: top,
    };
  } finally {
    await archive.close();
  }
}
