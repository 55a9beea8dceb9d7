/**
 * One large sweep in a fresh process (so peak RSS is its own): RUNS short runs of the baseline
 * city (52 weeks, 1 replication, 3 metrics; a Latin hypercube of RUNS points over two levers),
 * through runSweep and a FileStore on WORKERS threads, in FORMAT (csv or parquet). Samples RSS
 * at every 2% of the runs. With MODE=journal it measures the journal alone instead: RUNS
 * records appended (time per block of 10,000) and read back. Prints one JSON line.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, ROOT } from './lib.js';

/** @type {typeof import('../src/io/sweepFile.js')} */
const { loadSweep } = await import(join(DIST, 'io', 'sweepFile.js'));
/** @type {typeof import('../src/experiment/sweep.js')} */
const { runSweep } = await import(join(DIST, 'experiment', 'sweep.js'));
/** @type {typeof import('../src/io/fileStore.js')} */
const { FileStore } = await import(join(DIST, 'io', 'fileStore.js'));
/** @type {typeof import('../src/experiment/journal.js')} */
const { Journal } = await import(join(DIST, 'experiment', 'journal.js'));

const RUNS = Number(process.env.RUNS ?? 10000);
const dir = mkdtempSync(join(tmpdir(), 'clwsim-scale-'));
const mb = (/** @type {number} */ b) => b / 2 ** 20;

/** The journal alone: append RUNS records, timing each block of 10,000; then read them back. */
function journalOnly() {
  const j = new Journal(new FileStore(dir));
  j.create({ bench: true });
  /** @type {number[]} */
  const blocks = [];
  let t = performance.now();
  for (let i = 0; i < RUNS; i++) {
    j.add({ point: i, rep: 0, seed: 123456789, ok: true, values: [312.25 + i, 0.413571, 0.508112] });
    if ((i + 1) % 10000 === 0) {
      const now = performance.now();
      blocks.push(((now - t) * 1000) / 10000); // µs per append in this block
      t = now;
    }
  }
  const t0 = performance.now();
  // the journal of this build read back as --resume does (the previous build: load())
  const jj = /** @type {{ records?: () => Iterable<unknown>, load?: () => unknown[] }} */ (/** @type {unknown} */ (j));
  let n = 0;
  if (jj.records) for (const _ of jj.records()) n++;
  else n = jj.load?.().length ?? 0;
  const readMs = performance.now() - t0;
  const files = readdirSync(join(dir, 'journal')).length;
  return { mode: 'journal', runs: RUNS, usPerAppendByBlock: blocks, readMs, readBack: n, files };
}

async function sweep() {
  const f = join(dir, 'scale.yaml');
  writeFileSync(f, `name: scale\nscenario: ${join(ROOT, 'scenarios', 'baseline.yaml')}\nfactors:\n  practice.scatterShare: { min: 0.05, max: 0.6 }\n  funding.multiplier.crisis: { min: 0.4, max: 1.0 }\nsamples: ${RUNS}\nreps: 1\nseed: 1\nweeks: 52\nwarmup: 0\nmetrics: [waitlist_total, dropout_rate, trust_mean]\n`);
  const s = loadSweep(f);
  const out = join(dir, 'out');
  /** @type {Array<{ done: number, s: number, rssMB: number, heapMB: number }>} */
  const samples = [];
  const step = Math.max(1, Math.floor(RUNS / 50));
  const t0 = performance.now();
  const opts = /** @type {Parameters<typeof runSweep>[1]} */ ({
    store: new FileStore(out), provenance: { version: 'bench', model: 'bench' }, workers: Number(process.env.WORKERS ?? 2),
    ...(process.env.FORMAT ? { format: process.env.FORMAT } : {}),
    onProgress: (/** @type {number} */ done) => {
      if (done % step === 0) samples.push({ done, s: (performance.now() - t0) / 1000, rssMB: mb(process.memoryUsage().rss), heapMB: mb(process.memoryUsage().heapUsed) });
    },
  });
  const res = await runSweep(s, opts);
  const wallS = (performance.now() - t0) / 1000;
  const sizes = Object.fromEntries(res.files.map((x) => [x, statSync(join(out, x)).size]));
  return { mode: 'sweep', runs: res.totals.runs, failed: res.totals.failed, format: process.env.FORMAT ?? 'csv', wallS, runsPerS: res.totals.runs / wallS, peakRssMB: process.resourceUsage().maxRSS / 1024, samples, sizes };
}

try {
  console.log(JSON.stringify(process.env.MODE === 'journal' ? journalOnly() : await sweep()));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
