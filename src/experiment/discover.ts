/**
 * Scenario discovery on a finished sweep (`clwsim discover`): label each run (or each design
 * point's mean) by a condition on one metric, e.g. "clw_waitlist > 150", and find with PRIM
 * (prim.ts) the box of factor ranges where the labelled runs are dense. Reads the sweep's
 * manifest and its runs (or points) table, CSV or Parquet, in batches.
 * The condition is parsed, never evaluated: a metric name, a comparison, a number.
 */
import { InputError } from '../scenario/errors.js';
import type { Factor } from '../scenario/sweep.js';
import type { Store } from './store.js';
import { readTable } from './readTable.js';
import { prim, type PrimOptions, type PrimResult } from './prim.js';

export type Op = '>' | '>=' | '<' | '<=' | '==' | '!=';
export interface Condition { metric: string; op: Op; value: number; text: string }

const CONDITION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;

/** "metric op number", e.g. "clw_waitlist > 150" (op: > >= < <= == !=). */
export function parseCondition(text: string): Condition {
  const m = CONDITION.exec(text);
  if (!m) throw new InputError(`--where "${text}": expected a metric, a comparison (> >= < <= == !=) and a number, e.g. "clw_waitlist > 150"`);
  return { metric: m[1]!, op: m[2] as Op, value: Number(m[3]), text: `${m[1]} ${m[2]} ${m[3]}` };
}

export function holds(c: Condition, x: number): boolean {
  switch (c.op) {
    case '>': return x > c.value;
    case '>=': return x >= c.value;
    case '<': return x < c.value;
    case '<=': return x <= c.value;
    case '==': return x === c.value;
    default: return x !== c.value;
  }
}

export interface DiscoverOptions extends Pick<PrimOptions, 'alpha' | 'massMin' | 'threshold' | 'step' | 'paste'> {
  condition: Condition;
  /** Label each run (default) or each design point's mean over its replications. */
  by?: 'run' | 'point';
}

export interface Discovery {
  result: PrimResult;
  /** Rows labelled (runs or points), of which `interesting` meet the condition. */
  rows: number;
  interesting: number;
  /** Rows left out: no value (a failed run, a point with no successful run). */
  skipped: number;
  /** Factors left out of PRIM: text values (PRIM boxes numeric ranges). */
  dropped: string[];
  /** The sweep's table read. */
  table: string;
}

interface SweepManifest { tool?: string; format?: string; files?: string[]; sweep?: { factors?: Factor[]; metrics?: string[] } }

export async function discover(store: Store, o: DiscoverOptions): Promise<Discovery> {
  const text = store.read('manifest.json');
  if (text === undefined) throw new InputError(`${store.where}: no manifest.json; expected the folder of a finished clwsim sweep (or merged shards)`);
  let m: SweepManifest;
  try {
    m = JSON.parse(text) as SweepManifest;
  } catch {
    throw new InputError(`${store.where}/manifest.json: not valid JSON`);
  }
  const factors = m.sweep?.factors, metrics = m.sweep?.metrics;
  if (m.tool !== 'clwsim' || !Array.isArray(factors) || !Array.isArray(metrics) || !Array.isArray(m.files)) throw new InputError(`${store.where}/manifest.json: not the manifest of a clwsim sweep`);
  const c = o.condition;
  if (!metrics.includes(c.metric)) throw new InputError(`--where ${c.text}: the sweep kept no metric "${c.metric}"; it kept ${metrics.join(', ')}`);
  const by = o.by ?? 'run';
  const table = `${by === 'run' ? 'runs' : 'points'}.${m.format === 'parquet' ? 'parquet' : 'csv'}`;
  if (!m.files.includes(table)) throw new InputError(`${store.where}: no ${table} in the sweep's manifest`);
  const numeric = factors.filter((f) => f.kind === 'range' || f.values.every((v) => typeof v === 'number'));
  const dropped = factors.filter((f) => !numeric.includes(f)).map((f) => f.path);
  if (numeric.length === 0) throw new InputError(`${store.where}: no numeric factor to box (PRIM needs number ranges; ${dropped.join(', ')} hold text)`);

  const t = await readTable(store, table);
  const col = (name: string) => {
    const i = t.columns.indexOf(name);
    if (i < 0) throw new InputError(`${store.where}/${table}: no column "${name}"`);
    return i;
  };
  const fx = numeric.map((f) => col(f.path));
  const [yi, mi] = by === 'run' ? [col(c.metric), -1] : [col('mean'), col('metric')];
  const x: number[][] = [], y: boolean[] = [];
  let skipped = 0;
  for await (const rows of t.batches)
    for (const r of rows) {
      if (mi >= 0 && r[mi] !== c.metric) continue;
      const v = r[yi];
      if (v === '' || v === undefined || !Number.isFinite(Number(v))) {
        skipped++;
        continue;
      }
      x.push(fx.map((i) => Number(r[i])));
      y.push(holds(c, Number(v)));
    }
  if (x.length === 0) throw new InputError(`${store.where}/${table}: no ${by === 'run' ? 'successful runs' : 'points with a mean'} to label`);
  const result = prim(x, y, { names: numeric.map((f) => f.path), alpha: o.alpha, massMin: o.massMin, threshold: o.threshold, paste: o.paste });
  if (o.step !== undefined && o.step !== result.selected) {
    if (o.step >= result.trajectory.length) throw new InputError(`--step ${o.step}: the peeling trajectory has steps 0 to ${result.trajectory.length - 1}`);
    return { result: prim(x, y, { names: result.names, alpha: o.alpha, massMin: o.massMin, step: o.step, paste: o.paste }), rows: x.length, interesting: y.filter(Boolean).length, skipped, dropped, table };
  }
  return { result, rows: x.length, interesting: y.filter(Boolean).length, skipped, dropped, table };
}
