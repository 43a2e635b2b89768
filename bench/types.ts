/** What a benchmark module exports, so bench/run.ts can run it and file its results. */
export interface BenchReport {
  /** Printed as is: a plain-text table. */
  table: string;
  /** One-line findings, printed under the table (and kept in the JSON). */
  summary: string[];
  /** Everything measured, written to bench/results/<name>.json. */
  data: Record<string, unknown>;
}

export interface BenchModule {
  /** Short and kebab-case: the results file is bench/results/<name>.json. */
  name: string;
  description: string;
  run(): Promise<BenchReport>;
}
