/** The inference over the hand-labelled set, through the real importers: the targets. */
import { describe, expect, it } from 'vitest';
import { isPartialDate } from '../../src/shared/document.js';
import { dateRight, fileOf, figures, labels, run, valueOf, type Scored } from './labelled-set.js';

const runs: Scored[] = [];
const missing: string[] = [];

describe('inference over the labelled set', () => {
  it('reads every labelled document', { timeout: 120_000 }, async () => {
    for (const label of labels()) {
      const file = fileOf(label);
      if (file) runs.push(await run(label, file));
      else missing.push(label.path);
    }
    if (missing.length)
      console.log(`labelled set: ${missing.length} documents from the shared corpus are absent and not scored`);
    expect(runs.length).toBeGreaterThanOrEqual(70);
  });

  it('gives evidence that stands on the page for every inference', () => {
    for (const s of runs)
      for (const inference of s.inferences) {
        if (!inference.source) continue;
        const page = s.doc.pages[inference.source.page - 1]?.text ?? '';
        expect(page.slice(inference.source.start, inference.source.end), `${s.label.path} ${inference.rule}`).toBe(
          inference.source.text,
        );
      }
  });

  it('reads the right date at the right precision where one stands on the face (≥ 95%)', () => {
    const dated = runs.filter((s) => s.label.date !== null);
    const right = dated.filter(dateRight);
    for (const s of runs) {
      const date = valueOf(s, 'date');
      if (date) expect(isPartialDate(String(date.value))).toBe(true);
    }
    expect(right.length / dated.length).toBeGreaterThanOrEqual(0.95);
  });

  it('applies no date where none stands on the face', () => {
    const applied = runs.filter((s) => s.label.date === null && valueOf(s, 'date')?.status === 'applied');
    expect(applied.map((s) => `${s.label.path}: ${String(valueOf(s, 'date')?.value)}`)).toEqual([]);
  });

  it('reads type (≥ 90%), authors (≥ 85%) and title (≥ 85%)', () => {
    expect(figures(runs, 'type').accuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures(runs, 'authors').accuracy).toBeGreaterThanOrEqual(0.85);
    expect(figures(runs, 'title').accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
