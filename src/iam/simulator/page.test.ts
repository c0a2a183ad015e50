import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../wire/generated/iam.js';
import { encodeOffsetMarker } from '../pagination.js';
import { simulationPage } from './page.js';
import type { PreparedSimulation } from './simulate.js';

/** A simulation of `total` pairs that records which pairs were evaluated. */
function counting(total: number, cost?: () => void): PreparedSimulation & { evaluated: number[] } {
  const evaluated: number[] = [];
  return {
    total,
    evaluated,
    resultAt(i): EvaluationResult {
      evaluated.push(i);
      cost?.();
      return { EvalActionName: `a:${i}`, EvalResourceName: '*', EvalDecision: 'implicitDeny' };
    },
  };
}

describe('simulationPage', () => {
  it('evaluates only the pairs of the requested page, wherever the marker points', async () => {
    const sim = counting(1_000_000);
    const first = await simulationPage(sim, { MaxItems: 1 });
    expect(first).toEqual({
      EvaluationResults: [{ EvalActionName: 'a:0', EvalResourceName: '*', EvalDecision: 'implicitDeny' }],
      IsTruncated: true,
      Marker: encodeOffsetMarker(1),
    });
    const deep = await simulationPage(sim, { MaxItems: 3, Marker: encodeOffsetMarker(999998) });
    expect(deep.EvaluationResults.map((r) => r.EvalActionName)).toEqual(['a:999998', 'a:999999']);
    expect(deep.IsTruncated).toBe(false);
    expect(sim.evaluated).toEqual([0, 999998, 999999]);
  });

  it('pages by 100 by default; a marker past the end gives no results, one Ward did not issue is AWS\'s "Invalid Marker."', async () => {
    const sim = counting(250);
    const page = await simulationPage(sim, {});
    expect(page.EvaluationResults).toHaveLength(100);
    expect(page.Marker).toBe(encodeOffsetMarker(100));
    expect(await simulationPage(sim, { Marker: encodeOffsetMarker(9_999_999_999) })).toEqual({
      EvaluationResults: [],
      IsTruncated: false,
    });
    await expect(simulationPage(sim, { Marker: 'x', MaxItems: 1 })).rejects.toThrow('Invalid Marker.');
    await expect(simulationPage(sim, { Marker: '100' })).rejects.toThrow('Invalid Marker.');
  });

  it('lets other work run between evaluations when a page takes long', async () => {
    let otherRan = false;
    const spin = () => {
      const until = performance.now() + 3;
      while (performance.now() < until);
    };
    const sim = counting(20, spin);
    setImmediate(() => {
      otherRan = true;
    });
    let ranBeforeEnd = false;
    const page = await simulationPage(
      { total: sim.total, resultAt: (i) => ((ranBeforeEnd ||= otherRan && i < sim.total - 1), sim.resultAt(i)) },
      { MaxItems: 20 },
    );
    expect(page.EvaluationResults).toHaveLength(20);
    expect(ranBeforeEnd).toBe(true);
  });
});
