/**
 * The run-by-run journal of a sweep in progress: `journal/` in the sweep's store, one small JSON
 * file per finished run, each written atomically, so a sweep killed at any moment keeps every
 * run that finished and nothing half-written. `identity.json` records which sweep (and shard)
 * the journal belongs to, so --resume never mixes two sweeps.
 */
import { InputError } from '../scenario/errors.js';
import type { Store } from './store.js';
import type { RunRecord } from './runTask.js';

const DIR = 'journal';
const IDENTITY = `${DIR}/identity.json`;
export const runFile = (point: number, rep: number): string => `${DIR}/p${point}-r${rep}.json`;

/** The first field path where two JSON values differ, with both values when they are short. */
export function difference(there: unknown, here: unknown, path = ''): string {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(there) && isObj(here)) {
    for (const k of [...new Set([...Object.keys(there), ...Object.keys(here)])])
      if (JSON.stringify(there[k]) !== JSON.stringify(here[k])) return difference(there[k], here[k], path ? `${path}.${k}` : k);
  }
  const a = JSON.stringify(there) ?? 'nothing', b = JSON.stringify(here) ?? 'nothing';
  return a.length + b.length < 80 ? `${path}: ${a} there, ${b} here` : path || 'everything';
}

export class Journal {
  readonly dir = DIR;
  constructor(readonly store: Store) {}

  get exists(): boolean {
    return this.store.exists(IDENTITY);
  }

  /** Start a fresh journal (removing any earlier one). */
  create(identity: unknown): void {
    this.store.removeDir(DIR);
    this.store.write(IDENTITY, `${JSON.stringify(identity, null, 2)}\n`);
  }

  /** Check that the journal belongs to this sweep; throws an InputError naming the difference. */
  check(identity: unknown): void {
    const had = this.store.read(IDENTITY) ?? '';
    if (had !== `${JSON.stringify(identity, null, 2)}\n`) {
      let there: unknown;
      try {
        there = JSON.parse(had);
      } catch {
        there = undefined;
      }
      throw new InputError(`${this.store.where}: --resume: the unfinished sweep there differs from this one (${difference(there, identity)}); use the same sweep file and options, or another --out`);
    }
  }

  /** Every run recorded so far (temp files of a killed writer are removed). */
  load(): RunRecord[] {
    const out: RunRecord[] = [];
    for (const f of this.store.list(DIR)) {
      const name = `${DIR}/${f}`;
      if (f.endsWith('.tmp')) {
        this.store.remove(name);
        continue;
      }
      if (name === IDENTITY || !f.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(this.store.read(name) ?? '') as RunRecord);
      } catch {
        this.store.remove(name); // cannot happen with atomic writes, but never trust it
      }
    }
    return out;
  }

  add(rec: RunRecord): void {
    this.store.write(runFile(rec.point, rec.rep), JSON.stringify(rec));
  }

  /** The full record of a run (with its trajectory rows, when kept). */
  get(point: number, rep: number): RunRecord {
    return JSON.parse(this.store.read(runFile(point, rep)) ?? 'null') as RunRecord;
  }

  remove(): void {
    this.store.removeDir(DIR);
  }
}
