/** Checking the fact commands' options at the boundary: one line naming the option and the reason. */
import { FACT_STATUSES, parseFactDate, type FactStatus } from '../../shared/fact.js';
import type { FactLinkInput } from '../archive/facts/facts.js';
import { parseId, UsageError } from './context.js';

/** A fact date as typed, or a UsageError naming the option. */
export function checkedDate(value: string, what = '--date'): string {
  const parsed = parseFactDate(value);
  if ('error' in parsed) throw new UsageError(`${what}: ${parsed.error}`);
  return value.trim();
}

export function checkedStatus(value: string): FactStatus {
  if (!(FACT_STATUSES as readonly string[]).includes(value))
    throw new UsageError(`--status: "${value}" is not one of ${FACT_STATUSES.join(', ')}`);
  return value as FactStatus;
}

/** The cited quotes: supporting ones first, then contradicting ones, each id checked. */
export function checkedLinks(supports: readonly string[], contradicts: readonly string[]): FactLinkInput[] {
  return [
    ...supports.map((id) => ({ quoteId: parseId(id, '--quote'), role: 'supports' as const })),
    ...contradicts.map((id) => ({ quoteId: parseId(id, '--contradicts'), role: 'contradicts' as const })),
  ];
}

/** A statement given on the command line: never empty. */
export function checkedText(value: string): string {
  if (value.trim() === '') throw new UsageError('--text: the fact’s statement is empty');
  return value;
}
