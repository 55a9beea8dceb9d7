/**
 * `clwsim merge`: shard outputs → the output of the unsharded sweep, byte for byte. Shards
 * hold contiguous blocks of design points and every table is ordered by point, so merging is
 * concatenation in shard order, after checking the shards are one complete, finished set.
 */
import { InputError } from '../scenario/errors.js';
import { Journal, difference } from './journal.js';
import { OUTPUT_FILES } from './sweep.js';
import type { Totals, Shard } from './outputs.js';
import type { Store } from './store.js';
import { Sha256, sha256 } from './sha256.js';
import type { Sweep } from '../scenario/sweep.js';
import { sobolCsvOf, sobolRowsFromRuns } from './sobolSweep.js';

interface ShardManifest { tool: string; version: string; model: string; kind: string; sweep: Record<string, unknown>; design: unknown; shard?: Shard; totals: Totals; files: string[]; checksums?: Record<string, string> }

function readShard(st: Store): ShardManifest {
  const text = st.read('manifest.json');
  const f = `${st.where}/manifest.json`;
  if (text === undefined) {
    if (new Journal(st).exists) throw new InputError(`${st.where}: unfinished shard (no manifest.json, a journal in progress); finish it with the same command plus --resume`);
    throw new InputError(`${st.where}: no manifest.json; expected the output folder of a sweep shard`);
  }
  let m: ShardManifest;
  try {
    m = JSON.parse(text) as ShardManifest;
  } catch {
    throw new InputError(`${f}: not valid JSON; expected the manifest of a clwsim sweep shard`);
  }
  if (typeof m !== 'object' || m === null || m.tool !== 'clwsim' || !m.sweep || !Array.isArray(m.files) || typeof m.totals !== 'object')
    throw new InputError(`${f}: not a clwsim sweep manifest`);
  if (!m.shard) throw new InputError(`${st.where}: not a shard (an unsharded sweep is already complete; nothing to merge)`);
  if (typeof m.checksums !== 'object' || m.checksums === null) throw new InputError(`${f}: no checksums of the shard's files (made by an older clwsim); rerun the shard`);
  return m;
}

/** A shard's file, refused when missing or changed since the shard wrote it (its checksum). */
function shardFile(st: Store, m: ShardManifest, name: string): string {
  const text = st.read(name);
  if (text === undefined) throw new InputError(`${st.where}/${name}: file not found; the shard's manifest lists it`);
  if (m.checksums![name] !== sha256(text))
    throw new InputError(`${st.where}/${name}: changed since the shard wrote it (its checksum differs from the one in manifest.json); rerun that shard`);
  return text;
}

/** One merged table: the first shard's header, then every shard's rows in order; returns its checksum. */
function concatenate(out: Store, name: string, shards: Store[]): string {
  const w = out.append(name);
  const hash = new Sha256();
  try {
    let header: string | undefined;
    shards.forEach((st) => {
      const text = st.read(name)!;
      const nl = text.indexOf('\n');
      const head = text.slice(0, nl + 1);
      if (header === undefined) {
        header = head;
        w.write(head);
        hash.update(head);
      } else if (head !== header) throw new InputError(`${st.where}/${name}: columns differ from ${shards[0]!.where}/${name}`);
      w.write(text.slice(nl + 1));
      hash.update(text.slice(nl + 1));
    });
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit();
  return `sha256:${hash.digest()}`;
}

export function mergeShards(shards: Store[], out: Store): { totals: Totals; files: string[]; shards: number } {
  if (shards.length === 0) throw new InputError('merge: expected shard folders, e.g. clwsim merge output/shard-* --out output/sweep');
  const ms = shards.map(readShard);
  const ref = ms[0]!;
  const first = shards[0]!.where;
  ms.forEach((m, i) => {
    const d = shards[i]!.where;
    if (m.version !== ref.version) throw new InputError(`${d}: made by clwsim ${m.version}, but ${first} by ${ref.version}; rerun the shards with one version`);
    if (m.model !== ref.model) throw new InputError(`${d}: made with different model code (${m.model}) than ${first} (${ref.model}); rerun the shards with one build`);
    const pick = (x: ShardManifest) => ({ kind: x.kind, sweep: x.sweep, design: x.design });
    if (JSON.stringify(pick(m)) !== JSON.stringify(pick(ref)))
      throw new InputError(`${d}: a shard of a different sweep than ${first} (${difference(pick(m), pick(ref)).replace(' there, ', ` in ${d}, `).replace(/ here$/, ` in ${first}`)})`);
    if (m.shard!.count !== ref.shard!.count) throw new InputError(`${d}: shard ${m.shard!.index}/${m.shard!.count}, but ${first} is one of ${ref.shard!.count} shards`);
    if (JSON.stringify(m.files) !== JSON.stringify(ref.files)) throw new InputError(`${d}: holds ${m.files.join(', ')}, but ${first} holds ${ref.files.join(', ')}`);
  });
  const n = ref.shard!.count;
  const at = new Map<number, string>();
  ms.forEach((m, i) => {
    const k = m.shard!.index;
    if (at.has(k)) throw new InputError(`shards overlap: ${at.get(k)} and ${shards[i]!.where} are both shard ${k}/${n}`);
    at.set(k, shards[i]!.where);
  });
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !at.has(k));
  if (missing.length) throw new InputError(`missing shards ${missing.map((k) => `${k}/${n}`).join(', ')} (have ${[...at.keys()].sort((a, b) => a - b).join(', ')})`);

  const order = [...ms.keys()].sort((a, b) => ms[a]!.shard!.index - ms[b]!.shard!.index);
  const csvs = ref.files.filter((f) => f.endsWith('.csv'));
  // every file as its shard wrote it, before anything is written
  for (const i of order) for (const name of csvs) shardFile(shards[i]!, ms[i]!, name);
  for (const f of OUTPUT_FILES) out.remove(f);
  const checksums: Record<string, string> = {};
  for (const name of csvs) checksums[name] = concatenate(out, name, order.map((i) => shards[i]!));
  const { shard: _omit, totals: _t, files: shardFiles, checksums: _c, ...rest } = ref;
  const totals: Totals = { points: 0, runs: 0, failed: 0, nonconverged: 0 };
  for (const m of ms) for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += m.totals[k];
  let files = shardFiles;
  // Sobol' indices need every design point: computed here, as the unsharded run does
  const sweep = ref.sweep as unknown as Pick<Sweep, 'factors' | 'metrics' | 'seed' | 'sobol'>;
  if (sweep.sobol) {
    const text = sobolCsvOf(sobolRowsFromRuns(sweep, out.read('runs.csv') ?? ''));
    out.write('sobol.csv', text);
    checksums['sobol.csv'] = sha256(text);
    files = [...files.filter((f) => f !== 'manifest.json'), 'sobol.csv', 'manifest.json'];
  }
  out.write('manifest.json', `${JSON.stringify({ ...rest, totals, files, checksums }, null, 2)}\n`);
  return { totals, files, shards: n };
}
