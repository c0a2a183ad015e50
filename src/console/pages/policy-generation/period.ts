import { utc } from '../events/lookup.js';

/** The periods the page offers; Access Analyzer analyzes at most 90 days of CloudTrail history. */
export const PERIODS = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '1d', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: '90d', label: 'Last 90 days', ms: 90 * 86_400_000 },
  { value: 'custom', label: 'Custom range (UTC)', ms: 0 },
] as const;

export const MAX_PERIOD_MS = 90 * 86_400_000;

/** The picker as the page's query string carries it (a GET form: bookmarkable, re-runnable). */
export interface PeriodChoice {
  period: (typeof PERIODS)[number]['value'];
  start: string;
  end: string;
  /** The form was submitted: generate. */
  generate: boolean;
}

export function periodChoiceOf(url: string): PeriodChoice {
  const q = new URL(url).searchParams;
  return {
    period: PERIODS.find((p) => p.value === q.get('period'))?.value ?? '7d',
    start: q.get('start') ?? '',
    end: q.get('end') ?? '',
    generate: q.get('generate') === '1',
  };
}

/** The window a choice names at `now`, or the user's mistake in words. */
export function windowOf(choice: PeriodChoice, now: Date): { start: Date; end: Date } | { problem: string } {
  if (choice.period !== 'custom') {
    const ms = PERIODS.find((p) => p.value === choice.period)!.ms;
    return { start: new Date(now.getTime() - ms), end: now };
  }
  const start = choice.start ? utc(choice.start) : null;
  const end = choice.end ? utc(choice.end) : now;
  if (!start || !end) return { problem: 'Enter the start and end as YYYY-MM-DDTHH:MM (UTC).' };
  if (start >= end) return { problem: 'The start must be before the end.' };
  if (end.getTime() - start.getTime() > MAX_PERIOD_MS) return { problem: 'Choose a period of at most 90 days.' };
  return { start, end };
}
