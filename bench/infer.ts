/**
 * Metadata inference (issue 13) over the hand-labelled set: precision and recall per
 * field, on the whole set and on its held-out quarter, and the inference time per document.
 */
import { fileOf, figures, labels, run, type Scored } from '../tests/infer/labelled-set.js';
import type { BenchModule } from './types.js';

const FIELDS = ['date', 'type', 'authors', 'title'] as const;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const bench: BenchModule = {
  name: 'infer',
  description: 'inference of date, type, authors and title on the labelled set (tests/fixtures/labelled)',
  async run() {
    const runs: Scored[] = [];
    for (const label of labels()) {
      const file = fileOf(label);
      if (file) runs.push(await run(label, file));
    }
    const parts = {
      all: runs,
      seen: runs.filter((s) => !s.label.heldOut),
      heldOut: runs.filter((s) => s.label.heldOut),
    };
    const rows = ['set       n   field    precision recall accuracy'];
    const data: Record<string, unknown> = {};
    for (const [name, set] of Object.entries(parts)) {
      const perField: Record<string, unknown> = {};
      for (const field of FIELDS) {
        const f = figures(set, field);
        perField[field] = f;
        rows.push(
          `${name.padEnd(9)} ${String(set.length).padStart(3)}  ${field.padEnd(8)} ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(6)} ${pct(f.accuracy).padStart(8)}`,
        );
      }
      data[name] = { documents: set.length, fields: perField };
    }
    const times = runs.map((s) => s.ms).sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    data['msPerDocument'] = { p50, p95, mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length) };
    return {
      table: rows.join('\n'),
      summary: [
        `inference per document: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${runs.length} documents`,
      ],
      data,
    };
  },
};
