import { describe, expect, test } from 'vitest';
import { defaultScenario } from '../../src/scenario/build.js';
import { simulate, type RunResult } from '../../src/model/simulate.js';
import { METRIC_NAMES, TYPE_FIELDS } from '../../src/model/metrics.js';
import { TSO_TYPES } from '../../src/model/params.js';
import { fmt, toCsv } from '../../src/scenario/csv.js';
import { summarize } from '../../src/scenario/stats.js';
import { summaryCsv, tsoTypesCsv } from '../../src/scenario/tables.js';

// The tables as they were built before their lines were written directly: rows of cells through toCsv.
function summaryRows(runs: RunResult[]): string {
  const rows: Array<Array<string | number>> = [];
  for (let w = 0; w < (runs[0]?.weeks ?? 0); w++)
    for (const m of METRIC_NAMES) {
      const s = summarize(runs.map((r) => r.metrics[m][w]!));
      rows.push([runs[0]!.scenario, w + 1, m, fmt(s.mean), fmt(s.sd), fmt(s.ci_low), fmt(s.ci_high), s.n]);
    }
  return toCsv(['scenario', 'week', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'], rows);
}

function tsoTypeRows(runs: RunResult[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const r of runs)
    for (let w = 0; w < r.weeks; w++)
      for (const t of TSO_TYPES) rows.push([r.scenario, r.rep, r.seed, w + 1, t, ...TYPE_FIELDS.map((f) => fmt(r.tsoTypes[t][f][w]!))]);
  return toCsv(['scenario', 'rep', 'seed', 'week', 'tso_type', ...TYPE_FIELDS], rows);
}

describe('run tables written line by line', () => {
  // A name that needs quoting, NaN and infinite cells, negative and tiny values.
  const s = defaultScenario({ name: 'cut, "deep"', weeks: 30, warmup: 0, reps: 3 });
  const runs = [0, 1, 2].map((r) => simulate(s, r));
  const odd = runs.map((r) => ({ ...r, metrics: { ...r.metrics }, tsoTypes: { ...r.tsoTypes, mh: { ...r.tsoTypes.mh } } }));
  odd[1]!.metrics[METRIC_NAMES[0]!] = Float64Array.from(runs[1]!.metrics[METRIC_NAMES[0]!], (x, w) => (w % 3 === 0 ? NaN : w % 3 === 1 ? -x / 7 - 1e-7 : Infinity));
  odd[2]!.tsoTypes.mh[TYPE_FIELDS[0]!] = Float64Array.from(runs[2]!.tsoTypes.mh[TYPE_FIELDS[0]!], (x, w) => (w % 2 ? NaN : -x / 3 + 1e-9));

  // Written as bytes (src/scenario/csvBytes.ts): a name needing quotes and UTF-8 (comma, quote,
  // newline, é, emoji), and values on every path of the number writer, across runs and weeks.
  const AWKWARD = [-3.25, -1e-7, 4e-7, -4e-7, 2.9999996, -2.9999996, 0.5, 1.25, 1.1, 100.0001, NaN, Infinity, -Infinity,
    999999999.9999995, 1e9, -1e9, 1e9 + 0.5, -1e9 - 0.25, 123456789012.5, 1e21, -1e21, 1.5e22, 7, -42, -0];
  const cycled = (k: number) => Float64Array.from({ length: 30 }, (_, w) => AWKWARD[(w * 7 + k * 3) % AWKWARD.length]!);
  const awkward = runs.map((r, k) => ({
    ...r, scenario: 'Café, "🙂"\nnord ✓',
    metrics: { ...r.metrics, [METRIC_NAMES[1]!]: cycled(k), [METRIC_NAMES[METRIC_NAMES.length - 1]!]: cycled(k + 1) },
    tsoTypes: { ...r.tsoTypes, mh: { ...r.tsoTypes.mh, [TYPE_FIELDS[1]!]: cycled(k) }, [TSO_TYPES[TSO_TYPES.length - 1]!]: { ...r.tsoTypes[TSO_TYPES[TSO_TYPES.length - 1]!], [TYPE_FIELDS[TYPE_FIELDS.length - 1]!]: cycled(k + 2) } },
  }));

  test.each([['simulated', runs], ['with odd values', odd], ['awkward name and values', awkward], ['one run', runs.slice(0, 1)], ['no runs', []]] as const)('summary.csv and tso_types.csv are toCsv of the rows (%s)', (_, rs) => {
    expect(summaryCsv([...rs])).toBe(summaryRows([...rs]));
    expect(tsoTypesCsv([...rs])).toBe(tsoTypeRows([...rs]));
  });
});
