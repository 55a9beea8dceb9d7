/** Memory scaling: 0.1×, 0.3× and 1× national (CLWs and TSOs scaled together): RSS and time. */
import { fmt, save, table } from './lib.js';
import { nationalRuns, summarise } from './national.js';

/** @param {import('./lib.js').BenchCache} [cache] */
export default function memory(cache = {}) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {Array<ReturnType<typeof summarise> & { scale: number, runs: import('./lib.js').NationalRun[] }>} */
  const out = [];
  for (const scale of [0.1, 0.3, 1]) {
    const runs = scale === 1 && cache.national ? cache.national : nationalRuns(scale);
    const s = summarise(runs);
    const first = runs[0];
    if (!first) throw new Error('no national runs (BENCH_REPS=0?)');
    out.push({ scale, ...s, runs });
    rows.push([`${scale}×`, String(first.clws), String(first.tsos), `${fmt(s.clientWeeks / 1e6)} M`, `${fmt(s.rssMB, 0)} MB`, `${fmt(s.wallS, 2)} s`, `${fmt((s.wallS * 1e9) / s.clientWeeks, 0)} ns`]);
  }
  save('memory', { scales: out });
  const per = (/** @type {(typeof out)[number] | undefined} */ x) => (x ? x.wallS / x.clientWeeks : Number.NaN);
  const ratio = per(out[2]) / per(out[0]);
  return `${table(['scale', 'CLWs', 'TSOs', 'client-weeks', 'peak RSS', 'wall', 'per client-week'], rows)}\n\ntime per client-week, 1× ÷ 0.1×: ${fmt(ratio, 2)} (target ≤ 1.2)`;
}
