/**
 * The hand-labelled people and organisations (tests/fixtures/entities/labels.json) run
 * through the real importers, the metadata inference (its names are the engine's known
 * names) and the entity engine, and scored after merging. A found entity is right when its
 * name or one of its aliases equals one of the label's forms (compared by nameKey); a label
 * is found when some entity is right for it.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  extractMentions,
  mergeEntities,
  nameKey,
  type Entity,
  type KnownNames,
} from '../../src/main/archive/entities/index.js';
import { detectFormat, IMPORTERS } from '../../src/main/archive/importers/index.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface EntityLabel {
  path: string;
  heldOut: boolean;
  people: string[];
  organizations: string[];
}

export interface ScoredDocument {
  label: EntityLabel;
  entities: Entity[];
  pages: number;
  ms: number;
}

export interface Figures {
  precision: number;
  recall: number;
  found: number;
  right: number;
  labelled: number;
  hit: number;
}

export function entityLabels(): EntityLabel[] {
  const file = join(ROOT, 'tests/fixtures/entities/labels.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { documents: EntityLabel[] }).documents;
}

function knownNames(doc: Parameters<typeof inferMetadata>[0]): KnownNames {
  const known: { people: string[]; organizations: string[] } = { people: [], organizations: [] };
  for (const inference of inferMetadata(doc)) {
    if (inference.status !== 'applied') continue;
    const values = Array.isArray(inference.value) ? inference.value : [inference.value];
    if (inference.field === 'authors' || inference.field === 'recipients') known.people.push(...values);
    if (inference.field === 'organization') known.organizations.push(...values);
  }
  return known;
}

export async function scoreDocument(label: EntityLabel): Promise<ScoredDocument> {
  const file = join(ROOT, label.path);
  const bytes = new Uint8Array(readFileSync(file));
  const doc = await IMPORTERS[detectFormat(bytes, basename(file))](bytes, basename(file));
  const known = knownNames(doc);
  const started = performance.now();
  const pages = doc.pages.map((p, i) => ({ page: i + 1, text: p.text }));
  const { entities } = mergeEntities(extractMentions(pages, known));
  return { label, entities, pages: pages.length, ms: performance.now() - started };
}

const forms = (e: Entity): string[] => [e.name, ...e.aliases].map(nameKey);

export function figures(docs: readonly ScoredDocument[], type: 'person' | 'org'): Figures {
  const f = { found: 0, right: 0, labelled: 0, hit: 0 };
  for (const d of docs) {
    const labels = (type === 'person' ? d.label.people : d.label.organizations).map((l) => l.split('|').map(nameKey));
    const entities = d.entities.filter((e) => e.type === type);
    f.found += entities.length;
    f.right += entities.filter((e) => forms(e).some((x) => labels.some((l) => l.includes(x)))).length;
    f.labelled += labels.length;
    f.hit += labels.filter((l) => entities.some((e) => forms(e).some((x) => l.includes(x)))).length;
  }
  return { ...f, precision: f.found ? f.right / f.found : 1, recall: f.labelled ? f.hit / f.labelled : 1 };
}
