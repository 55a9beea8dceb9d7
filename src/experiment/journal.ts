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
      const a = JSON.parse(had) as Record<string, unknown>, b = identity as Record<string, unknown>;
      const diff = Object.keys(b).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? 'sweep';
      throw new InputError(`${out}: --resume: the unfinished sweep there differs from this one (${diff}); use the same sweep file and options, or another --out`);
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
