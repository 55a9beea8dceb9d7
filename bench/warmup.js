/**
 * Start-up of a worker: the first runs in a fresh process (warmup-child.js: baseline and
 * funding-cut city runs alternately, as a `compare` worker makes them), REPS processes; median
 * time of each run by its place in the sequence, and how much optimised code V8 threw away when
 * the next world was built (`--trace-deopt`: "marking dependent code" lines after run 1).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, fmt, median, REPS, save, table } from './lib.js';

const RUNS = 8;

export default function warmup() {
  /** @type {number[][]} */
  const ms = [];
  /** @type {number[]} */
  const dropped = [];
  for (let k = 0; k < REPS; k++) {
    const r = spawnSync(process.execPath, ['--trace-deopt', join(BENCH_DIR, 'warmup-child.js')], { env: { ...process.env, RUNS: String(RUNS) }, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`warmup-child.js failed (${r.status}): ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    ms.push(JSON.parse(lines[lines.length - 1] ?? '').ms);
    const afterFirst = lines.slice(lines.findIndex((l) => l.startsWith('=== run 1 done')));
    dropped.push(afterFirst.filter((l) => l.startsWith('[marking dependent code')).length);
  }
  const byRun = Array.from({ length: RUNS }, (_, i) => median(ms.map((m) => m[i] ?? NaN)));
  const s = { byRunMs: byRun, dependentDeopts: median(dropped), warmMs: median(byRun.slice(-3)) };
  save('warmup', { summary: s, ms, dropped });
  return table(['first runs in a fresh process (city, baseline and funding-cut alternately)', 'median'], [
    ...byRun.map((m, i) => [`run ${i + 1} (${i % 2 ? 'funding-cut' : 'baseline'})`, `${fmt(m, 0)} ms`]),
    ['optimised functions thrown away after run 1 ("marking dependent code")', `${fmt(s.dependentDeopts, 0)} (processes: ${dropped.join(', ')})`],
  ]);
}
