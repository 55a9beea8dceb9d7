/**
 * Sweeps of many short runs (issue 16): peak RSS, wall time and runs/s at 10k, 30k and 100k
 * runs of 52 weeks (one fresh process each, 2 workers), RSS sampled as the sweep goes, and the
 * journal alone: time per append by block of 10,000 records, and reading it back (--resume).
 * Not in the default set (the 100k sweep takes ~20-25 min on 2 shared cores):
 * `npm run bench -- sweepScale`; SCALE_RUNS=10000,30000 for fewer; FORMAT=parquet.
 */
import { child, fmt, save, table } from './lib.js';

/** @typedef {{ runs: number, failed: number, format: string, wallS: number, runsPerS: number, peakRssMB: number, samples: Array<{ done: number, s: number, rssMB: number, heapMB: number }>, sizes: Record<string, number> }} ScaleRun */
/** @typedef {{ runs: number, usPerAppendByBlock: number[], readMs: number, readBack: number, files: number }} JournalRun */

export default function sweepScale() {
  const sizes = (process.env.SCALE_RUNS ?? '10000,30000,100000').split(',').map(Number);
  /** @type {ScaleRun[]} */
  const runs = [];
  for (const n of sizes) runs.push(/** @type {ScaleRun} */ (child('sweepScale-child.js', { RUNS: String(n) })));
  const jn = Math.max(...sizes);
  const journal = /** @type {JournalRun} */ (child('sweepScale-child.js', { RUNS: String(jn), MODE: 'journal' }));
  save('sweepScale', { runs, journal });
  // RSS once the pool is warm (10% of the runs done) and at the end: flat means no growth between
  const at = (/** @type {ScaleRun} */ r, /** @type {number} */ share) => r.samples.find((x) => x.done >= share * r.runs)?.rssMB ?? NaN;
  const b = journal.usPerAppendByBlock;
  return [
    table(['runs (52 weeks, 1 rep)', 'wall', 'runs/s', 'peak RSS', 'RSS at 10% → 100% of runs', 'runs table'], runs.map((r) => [
      r.runs.toLocaleString('en'), `${fmt(r.wallS / 60, 1)} min`, fmt(r.runsPerS), `${fmt(r.peakRssMB, 0)} MB`,
      `${fmt(at(r, 0.1), 0)} → ${fmt(at(r, 1), 0)} MB`, `${fmt((r.sizes[`runs.${r.format}`] ?? 0) / 2 ** 20, 1)} MB ${r.format}`,
    ])),
    '',
    table([`journal (${jn.toLocaleString('en')} records)`, 'value'], [
      ['append, first 10,000 records', `${fmt(b[0] ?? NaN, 1)} µs each`],
      [`append, records ${(jn - 10000).toLocaleString('en')}-${jn.toLocaleString('en')}`, `${fmt(b.at(-1) ?? NaN, 1)} µs each`],
      ['read back (--resume)', `${fmt(journal.readMs / 1000, 2)} s`],
      ['files in journal/', String(journal.files)],
    ]),
  ].join('\n');
}
