/**
 * `clwsim merge`: shard folders → the output of the unsharded sweep, byte for byte. Shards
 * hold contiguous blocks of design points and every table is ordered by point, so merging is
 * concatenation in shard order, after checking the shards are one complete, finished set.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeJson } from '../io/files.js';
import { InputError } from '../io/scenario.js';
import { Journal, difference } from './journal.js';
import { OUTPUT_FILES } from './sweep.js';
import type { Totals, Shard } from './outputs.js';

interface ShardManifest { tool: string; version: string; model: string; kind: string; sweep: Record<string, unknown>; design: unknown; shard?: Shard; totals: Totals; files: string[] }

function readShard(dir: string): ShardManifest {
  const f = join(dir, 'manifest.json');
  if (!existsSync(f)) {
    if (new Journal(dir).exists) throw new InputError(`${dir}: unfinished shard (no manifest.json, a journal in progress); finish it with the same command plus --resume`);
    throw new InputError(`${dir}: no manifest.json; expected the output folder of a sweep shard`);
  }
  const m = JSON.parse(readFileSync(f, 'utf8')) as ShardManifest;
  if (m.tool !== 'clwsim' || !m.sweep) throw new InputError(`${f}: not a clwsim sweep manifest`);
  if (!m.shard) throw new InputError(`${dir}: not a shard (an unsharded sweep is already complete; nothing to merge)`);
  return m;
}

export function mergeShards(dirs: string[], outDir: string): { totals: Totals; files: string[]; shards: number } {
  if (dirs.length === 0) throw new InputError('merge: expected shard folders, e.g. clwsim merge output/shard-* --out output/sweep');
  if (dirs.some((d) => resolve(d) === resolve(outDir))) throw new InputError(`--out ${outDir}: must not be one of the shard folders`);
  const ms = dirs.map(readShard);
  const ref = ms[0]!;
  ms.forEach((m, i) => {
    const d = dirs[i]!;
    if (m.version !== ref.version) throw new InputError(`${d}: made by clwsim ${m.version}, but ${dirs[0]} by ${ref.version}; rerun the shards with one version`);
    if (m.model !== ref.model) throw new InputError(`${d}: made with different model code (${m.model}) than ${dirs[0]} (${ref.model}); rerun the shards with one build`);
    const pick = (x: ShardManifest) => ({ kind: x.kind, sweep: x.sweep, design: x.design });
    if (JSON.stringify(pick(m)) !== JSON.stringify(pick(ref)))
      throw new InputError(`${d}: a shard of a different sweep than ${dirs[0]} (${difference(pick(m), pick(ref)).replace(' there, ', ` in ${d}, `).replace(/ here$/, ` in ${dirs[0]}`)})`);
    if (m.shard!.count !== ref.shard!.count) throw new InputError(`${d}: shard ${m.shard!.index}/${m.shard!.count}, but ${dirs[0]} is one of ${ref.shard!.count} shards`);
    if (JSON.stringify(m.files) !== JSON.stringify(ref.files)) throw new InputError(`${d}: holds ${m.files.join(', ')}, but ${dirs[0]} holds ${ref.files.join(', ')}`);
  });
  const n = ref.shard!.count;
  const at = new Map<number, string>();
  ms.forEach((m, i) => {
    const k = m.shard!.index;
    if (at.has(k)) throw new InputError(`shards overlap: ${at.get(k)} and ${dirs[i]} are both shard ${k}/${n}`);
    at.set(k, dirs[i]!);
  });
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !at.has(k));
  if (missing.length) throw new InputError(`missing shard(s) ${missing.map((k) => `${k}/${n}`).join(', ')} (have ${[...at.keys()].sort((a, b) => a - b).join(', ')})`);

  const order = [...ms.keys()].sort((a, b) => ms[a]!.shard!.index - ms[b]!.shard!.index);
  mkdirSync(outDir, { recursive: true });
  for (const f of OUTPUT_FILES) rmSync(join(outDir, f), { force: true });
  for (const name of ref.files.filter((f) => f.endsWith('.csv'))) {
    const tmp = join(outDir, `.${name}.${process.pid}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      let header: string | undefined;
      for (const i of order) {
        const text = readFileSync(join(dirs[i]!, name), 'utf8');
        const nl = text.indexOf('\n');
        const head = text.slice(0, nl + 1);
        if (header === undefined) writeSync(fd, (header = head));
        else if (head !== header) throw new InputError(`${join(dirs[i]!, name)}: columns differ from ${join(dirs[order[0]!]!, name)}`);
        writeSync(fd, text.slice(nl + 1));
      }
    } catch (e) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw e;
    }
    closeSync(fd);
    renameSync(tmp, join(outDir, name));
  }
  const totals: Totals = { points: 0, runs: 0, failed: 0, nonconverged: 0 };
  for (const m of ms) for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += m.totals[k];
  const { shard: _omit, totals: _t, files, ...rest } = ref;
  writeJson(join(outDir, 'manifest.json'), { ...rest, totals, files });
  return { totals, files, shards: n };
}
