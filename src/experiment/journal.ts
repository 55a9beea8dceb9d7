/**
 * The journal of a sweep in progress: `journal/` in the sweep's store. `identity.json` records
 * which sweep (and shard) the journal belongs to, so --resume never mixes two sweeps;
 * `runs.jsonl` holds one JSON line per finished run, appended as each run finishes (one write
 * per record), in the order runs finished. A sweep killed at any moment keeps every run whose
 * line was written; a line torn by the kill is cut off when the journal is reopened and skipped
 * when it is read. Appending costs the same at the 100,000th run as at the first (bench/
 * sweepScale.js), and the journal is only ever read from start to end (on --resume), never
 * listed or searched: one file, not one per run.
 */
import { InputError } from '../scenario/errors.js';
import type { Log, Store } from './store.js';
import type { RunRecord } from './runTask.js';

const DIR = 'journal';
const IDENTITY = `${DIR}/identity.json`;
export const JOURNAL_LOG = `${DIR}/runs.jsonl`;

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

/** Complete lines of a text given in pieces; a last line without its newline is left out. */
export function* completeLines(pieces: Iterable<string>): Generator<string> {
  let carry = '';
  for (const piece of pieces) {
    const text = carry + piece;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      yield text.slice(from, nl);
      from = nl + 1;
    }
    carry = text.slice(from);
  }
}

export class Journal {
  readonly dir = DIR;
  private out: Log | null = null;
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

  /** Every run recorded so far, streamed in the order they were recorded. */
  *records(): Generator<RunRecord> {
    for (const line of completeLines(this.store.chunks(JOURNAL_LOG))) {
      if (line === '') continue;
      let rec: RunRecord;
      try {
        rec = JSON.parse(line) as RunRecord;
      } catch {
        continue; // whole lines are written in one piece; never trust it anyway
      }
      yield rec;
    }
  }

  /** Open for appending (after records() has been read, on resume). */
  open(): void {
    this.out ??= this.store.log(JOURNAL_LOG);
  }

  add(rec: RunRecord): void {
    if (!this.out) this.open();
    this.out!.append(`${JSON.stringify(rec)}\n`);
  }

  close(): void {
    this.out?.close();
    this.out = null;
  }

  remove(): void {
    this.close();
    this.store.removeDir(DIR);
  }
}
