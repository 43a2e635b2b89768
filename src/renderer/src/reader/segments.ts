/** Cutting a page's text where highlights begin and end, so each piece can be marked. */
import type { PageHighlight } from './highlight.js';

export interface Segment {
  text: string;
  start: number;
  kinds: PageHighlight[];
}

/** Cuts a page's text at every highlight boundary. */
export function segments(text: string, highlights: readonly PageHighlight[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    out.push({
      text: text.slice(start, end),
      start,
      kinds: highlights.filter((h) => h.start <= start && h.end >= end),
    });
  }
  return out;
}
