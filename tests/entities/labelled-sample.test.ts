/**
 * The hand-labelled sample (tests/fixtures/entities/labels.json, 42 documents kept in the
 * repository) scored after merging, against floors a little under the figures measured
 * when this was written (all documents: people P 0.880 R 0.702, organisations P 0.825
 * R 0.793; `npm run bench -- entities` prints them, seen and held-out apart). The issue's
 * targets are people P ≥ 0.85 R ≥ 0.75 and organisations P ≥ 0.80 R ≥ 0.70: people's recall
 * is short of its target, and the floor says so rather than hiding it.
 */
import { describe, expect, it } from 'vitest';
import { entityLabels, figures, scoreDocument, type ScoredDocument } from './labelled-entities.js';

const FLOORS = {
  person: { precision: 0.85, recall: 0.68 },
  org: { precision: 0.8, recall: 0.77 },
};

describe('people and organisations in the labelled sample', () => {
  let scored: ScoredDocument[] = [];

  it('reads every labelled document', async () => {
    const labels = entityLabels();
    expect(labels.length).toBeGreaterThanOrEqual(40);
    expect(labels.filter((l) => l.heldOut)).toHaveLength(10);
    scored = await Promise.all(labels.map(scoreDocument));
    expect(scored.every((s) => s.pages > 0)).toBe(true);
  });

  for (const type of ['person', 'org'] as const) {
    it(`finds ${type === 'person' ? 'people' : 'organisations'} above the floors`, () => {
      const f = figures(scored, type);
      process.stdout.write(
        `entities ${type}: precision ${f.precision.toFixed(3)} (${f.right}/${f.found}), recall ${f.recall.toFixed(3)} (${f.hit}/${f.labelled})\n`,
      );
      expect(f.precision).toBeGreaterThanOrEqual(FLOORS[type].precision);
      expect(f.recall).toBeGreaterThanOrEqual(FLOORS[type].recall);
    });
  }
});
