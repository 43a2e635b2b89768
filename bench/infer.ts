/**
 * Metadata inference (issue 13) over the hand-labelled set: precision and recall per
 * field, on the whole set, the seen part and the held-out part, and the inference time per
 * document: on the labelled set, and over a fixed sample of 2,000 Senate press releases
 * against the time to import them without inference (see infer-speed.ts).
 */
import { fileOf, figures, labels, ROOT, run, type Scored } from '../tests/infer/labelled-set.js';
import { measureSpeed } from './infer-speed.js';
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
    // Each held-out batch apart: the third round's (`heldOut: true`) and each later named one.
    const batches = [...new Set(runs.map((s) => s.label.heldOut).filter((h) => h !== false))];
    const parts: Record<string, Scored[]> = {
      all: runs,
      seen: runs.filter((s) => s.label.heldOut === false),
      ...Object.fromEntries(
        batches.map((h) => [h === true ? 'heldOut' : h, runs.filter((s) => s.label.heldOut === h)] as const),
      ),
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
    const summary = [
      `inference per labelled document: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${runs.length} documents`,
    ];
    const speed = await measureSpeed(ROOT);
    data['releases'] = speed;
    if (!speed) summary.push('Senate releases not unpacked (run the search bench first): no import-time comparison');
    else {
      const ms = (x: number) => `${x.toFixed(3)} ms`;
      summary.push(
        `inference per release (${speed.infer.documents}, fastest of rounds): mean ${ms(speed.infer.mean)}, p50 ${ms(speed.infer.p50)}, p95 ${ms(speed.infer.p95)}; first round mean ${ms(speed.inferFirstRound.mean)}`,
        `import without inference (read, SHA-256, extract, store, commits): mean ${ms(speed.storeMeanWithCommits)} per release; inference adds ${(speed.inferOverStore * 100).toFixed(1)}%`,
      );
    }
    return { table: rows.join('\n'), summary, data };
  },
};
