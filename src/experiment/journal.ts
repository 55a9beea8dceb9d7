/**
 * The run-by-run journal of a sweep in progress: `<out>/journal/`, one small JSON file per
 * finished run, each written atomically (temp file + rename), so a sweep killed at any moment
 * keeps every run that finished and nothing half-written. `identity.json` records which sweep
 * (and shard) the journal belongs to, so --resume never mixes two sweeps.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../io/files.js';
import { InputError } from '../io/scenario.js';
import type { RunRecord } from './runTask.js';

const IDENTITY = 'identity.json';
const runFile = (point: number, rep: number) => `p${point}-r${rep}.json`;

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
  readonly dir: string;
  constructor(out: string) {
    this.dir = join(out, 'journal');
  }

  get exists(): boolean {
    return existsSync(join(this.dir, IDENTITY));
  }

  /** Start a fresh journal (removing any earlier one). */
  create(identity: unknown): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, IDENTITY), JSON.stringify(identity, null, 2) + '\n');
  }

  /** Check that the journal belongs to this sweep; throws an InputError naming the difference. */
  check(identity: unknown, out: string): void {
    const had = readFileSync(join(this.dir, IDENTITY), 'utf8');
    if (had !== JSON.stringify(identity, null, 2) + '\n') {
      throw new InputError(`${out}: --resume: the unfinished sweep there differs from this one (${difference(JSON.parse(had), identity)}); use the same sweep file and options, or another --out`);
    }
  }

  /** Every run recorded so far (temp files of a killed writer are removed). */
  load(): RunRecord[] {
    const out: RunRecord[] = [];
    for (const f of readdirSync(this.dir).sort()) {
      if (f.endsWith('.tmp')) {
        rmSync(join(this.dir, f), { force: true });
        continue;
      }
      if (f === IDENTITY || !f.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as RunRecord);
      } catch {
        rmSync(join(this.dir, f), { force: true }); // cannot happen with rename, but never trust it
      }
    }
    return out;
  }

  add(rec: RunRecord): void {
    writeAtomic(join(this.dir, runFile(rec.point, rec.rep)), JSON.stringify(rec));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
