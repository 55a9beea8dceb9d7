/**
 * Where a sweep, a sensitivity analysis or a merge writes, under the rule of src/io/outputDir.ts.
 * A sweep's journal is its own: --resume continues it, --overwrite starts it over, and an
 * unfinished sweep met without either is left for src/experiment/sweep.ts to explain.
 */
import { join } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { folderName } from '../scenario/names.js';
import { claimOutput, type OutputDir } from '../io/outputDir.js';
import { FileStore } from '../io/fileStore.js';
import { Journal } from '../experiment/journal.js';
import { OUTPUT_FILES } from '../experiment/sweep.js';
import type { ShardSpec } from '../experiment/shard.js';
import { outputFolder } from './outputs.js';
import type { Io } from './program.js';

interface Flags { out?: string; resume?: boolean; overwrite?: boolean }

const unfinished = (dir: string) => new Journal(new FileStore(dir)).exists;

/** --out, else output/<name> (a shard: output/<name>/shard-k-of-N); a fresh one when that holds results. */
export function sweepOutput(io: Io, o: Flags, name: string, shard: ShardSpec | null): string {
  if (o.resume && o.overwrite) throw new InputError('--resume and --overwrite: expected one of them (finish the sweep there, or start it over)');
  const base = join('output', folderName(name), ...(shard ? [`shard-${shard.index}-of-${shard.count}`] : []));
  // --resume, or an unfinished sweep to resume: the default folder itself
  if (o.out === undefined && (o.resume || unfinished(base))) return base;
  return outputFolder(io, o.out, base, o.overwrite);
}

/** Claim a sweep's folder; with --overwrite, an unfinished sweep's journal there is removed. */
export function claimSweepOutput(io: Io, out: string, o: Flags): OutputDir {
  const journal = unfinished(out);
  const claim = claimOutput(io, out, { mode: 'results', overwrite: o.overwrite || o.resume || journal });
  claim.plan([...OUTPUT_FILES, 'journal/']);
  if (journal && o.overwrite) new Journal(new FileStore(claim.dir)).remove();
  return claim;
}

export function claimMergeOutput(io: Io, out: string, overwrite?: boolean): OutputDir {
  const claim = claimOutput(io, out, { mode: 'results', overwrite });
  claim.plan(OUTPUT_FILES);
  return claim;
}
