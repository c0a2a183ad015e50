import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EvaluationResult } from '../../wire/generated/iam.js';
import { decodeOffsetMarker, encodeOffsetMarker } from '../pagination.js';
import type { PreparedSimulation } from './simulate.js';
import { DEFAULT_MAX_ITEMS, truncation } from '../core/paging.js';

/**
 * How long one simulation may hold the event loop before it lets other requests run. A page is
 * at most 1000 evaluations (MaxItems), each usually microseconds, but conditions over many context
 * values make single evaluations dearer; checking the clock between them bounds every slice.
 */
const SLICE_MS = 10;

/** The pair a Marker points at: the index of the next action × resource pair (iam/pagination.ts). */
function startOf(marker: string | undefined, total: number): number {
  return Math.min(decodeOffsetMarker(marker), total);
}

/**
 * Evaluates only the requested page, in slices that yield to the event loop, and answers with
 * the Marker of the next pair when more remain.
 */
export async function simulationPage(
  sim: PreparedSimulation,
  input: { Marker?: string; MaxItems?: number },
): Promise<{ EvaluationResults: EvaluationResult[]; IsTruncated: boolean; Marker?: string }> {
  const start = startOf(input.Marker, sim.total);
  const end = Math.min(sim.total, start + (input.MaxItems ?? DEFAULT_MAX_ITEMS));
  const results: EvaluationResult[] = [];
  let sliceStart = performance.now();
  for (let i = start; i < end; i++) {
    results.push(sim.resultAt(i));
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return { EvaluationResults: results, ...truncation(end < sim.total ? encodeOffsetMarker(end) : undefined) };
}
