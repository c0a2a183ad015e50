// Decisions per second for a principal with 10 attached policies of 10 statements each, all with
// conditions, compiled once and evaluated repeatedly (the cached hot path of every request).
// Usage: npx tsx bench/policy.ts
import { evaluate } from '../src/policy/index.js';
import { makeBenchFixture } from '../test/fixtures/policy/bench-fixture.js';

const { req, set } = makeBenchFixture();
const batch = 20_000;
const rounds = 25;
for (let i = 0; i < 50_000; i++) evaluate(req, set); // warm the JIT
const perDecisionUs: number[] = [];
let decision = '';
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) decision = evaluate(req, set).decision;
  perDecisionUs.push(Number(process.hrtime.bigint() - t0) / batch / 1000);
}
perDecisionUs.sort((a, b) => a - b);
const median = perDecisionUs[Math.floor(rounds / 2)]!;
process.stdout.write(
  `\npolicy evaluation (${set.identity.length} policies x 10 statements with conditions; decision: ${decision})\n\n` +
    `| median µs per decision | best | worst | decisions/s at median |\n|---:|---:|---:|---:|\n` +
    `| ${median.toFixed(2)} | ${perDecisionUs[0]!.toFixed(2)} | ${perDecisionUs[rounds - 1]!.toFixed(2)} | ${Math.round(1e6 / median)} |\n`,
);
