/**
 * `clwsim merge`: shard outputs → the output of the unsharded sweep, byte for byte. Shards
 * hold contiguous blocks of design points and every table is ordered by point, so merging is
 * concatenation in shard order, after checking the shards are one complete, finished set.
 * CSV tables are concatenated as text; Parquet tables are decoded and re-encoded row group by
 * row group (parquet.ts), which gives the unsharded file's bytes too. Both stream: memory is a
 * batch of rows, not a shard.
 */
import { InputError } from '../scenario/errors.js';
import { OUTPUT_FILES } from './sweep.js';
import type { Totals, Shard } from './outputs.js';
import type { Store } from './store.js';
import { Sha256 } from './sha256.js';
import type { Sweep } from '../scenario/sweep.js';
import { SOBOL_COLUMNS, sobolCells, sobolRowsFromRuns } from './sobolSweep.js';
import { Journal, completeLines, difference } from './journal.js';
import { loadParquet } from './parquetLoader.js';
import { allRows, fileChecksum, readTable } from './readTable.js';
import { columnsOf, factorTypes, openTable, tableFile, writeTable, type Format, type TableSink } from './table.js';

interface ShardManifest { tool: string; version: string; model: string; kind: string; format?: string; sweep: Record<string, unknown>; design: unknown; shard?: Shard; totals: Totals; files: string[]; checksums?: Record<string, string> }

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
function checkShardFile(st: Store, m: ShardManifest, name: string): void {
  const sum = fileChecksum(st, name);
  if (sum === undefined) throw new InputError(`${st.where}/${name}: file not found; the shard's manifest lists it`);
  if (m.checksums![name] !== sum)
    throw new InputError(`${st.where}/${name}: changed since the shard wrote it (its checksum differs from the one in manifest.json); rerun that shard`);
}

/** One merged CSV table: the first shard's header, then every shard's rows in order, streamed; returns its checksum. */
function concatenate(out: Store, name: string, shards: Store[]): string {
  const w = out.append(name);
  const hash = new Sha256();
  const put = (text: string) => {
    w.write(text);
    hash.update(text);
  };
  try {
    let header: string | undefined;
    for (const st of shards) {
      const lines = completeLines(st.chunks(name));
      const head = `${lines.next().value ?? ''}\n`;
      if (header === undefined) {
        header = head;
        put(head);
      } else if (head !== header) throw new InputError(`${st.where}/${name}: columns differ from ${shards[0]!.where}/${name}`);
      let batch: string[] = [];
      for (const line of lines) {
        batch.push(line);
        if (batch.length === 16384) {
          put(`${batch.join('\n')}\n`);
          batch = [];
        }
      }
      if (batch.length) put(`${batch.join('\n')}\n`);
    }
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit();
  return `sha256:${hash.digest()}`;
}

/** One merged table in another format than the shards': their rows in order, re-encoded. */
async function convert(out: Store, table: string, from: Format, to: Format, shards: Store[], sweep: Pick<Sweep, 'factors'>): Promise<string> {
  let sink: TableSink | undefined;
  try {
    for (const st of shards) {
      const t = await readTable(st, tableFile(table, from));
      sink ??= openTable(out, table, columnsOf(t.columns, factorTypes(sweep.factors)), to);
      for await (const rows of t.batches) sink.rows(rows);
    }
  } catch (e) {
    sink?.abort();
    throw e;
  }
  return sink!.close();
}

/** One merged Parquet table: every shard's rows in order, re-encoded into the row groups of the unsharded file. */
async function concatenateParquet(out: Store, name: string, shards: Store[]): Promise<string> {
  const { openParquet, readParquet } = await loadParquet();
  let sink: TableSink | undefined, columns = '';
  try {
    for (const st of shards) {
      const t = await readParquet(st, name);
      const cols = JSON.stringify(t.columns);
      if (!sink) {
        sink = openParquet(out, name, t.columns);
        columns = cols;
      } else if (cols !== columns) throw new InputError(`${st.where}/${name}: columns differ from ${shards[0]!.where}/${name}`);
      for await (const rows of t.groups) sink.rows(rows);
    }
  } catch (e) {
    sink?.abort();
    throw e;
  }
  return sink!.close();
}

/** The shards' manifests, refused unless they are one complete, finished set; in shard order. */
function checkShards(shards: Store[]): Array<{ st: Store; m: ShardManifest }> {
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
  return [...ms.keys()].sort((a, b) => ms[a]!.shard!.index - ms[b]!.shard!.index).map((i) => ({ st: shards[i]!, m: ms[i]! }));
}

/** Merge the shards into `out`, in their format or converted to `format`. */
export async function mergeShards(shards: Store[], out: Store, format?: Format): Promise<{ totals: Totals; files: string[]; shards: number }> {
  const ordered = checkShards(shards);
  const ref = ordered[0]!.m;
  const from: Format = ref.format === 'parquet' ? 'parquet' : 'csv', to = format ?? from;
  const sweep = ref.sweep as unknown as Pick<Sweep, 'factors' | 'metrics' | 'seed' | 'sobol'>;
  const tables = ref.files.filter((f) => f !== 'manifest.json');
  // every file as its shard wrote it, before anything is written
  for (const { st, m } of ordered) for (const name of tables) checkShardFile(st, m, name);
  if (from === 'parquet' || to === 'parquet') await loadParquet();
  for (const f of OUTPUT_FILES) out.remove(f);
  const sums: Array<[string, string]> = [];
  const inOrder = ordered.map((x) => x.st);
  for (const name of tables) {
    const table = name.slice(0, name.lastIndexOf('.'));
    sums.push([tableFile(table, to), from !== to ? await convert(out, table, from, to, inOrder, sweep)
      : to === 'parquet' ? await concatenateParquet(out, name, inOrder) : concatenate(out, name, inOrder)]);
  }
  // Sobol' indices need every design point: computed here, as the unsharded run does
  if (sweep.sobol) {
    const runs = await allRows(out, tableFile('runs', to));
    sums.push([tableFile('sobol', to), writeTable(out, 'sobol', columnsOf(SOBOL_COLUMNS), sobolCells(sobolRowsFromRuns(sweep, runs.rows)), to)]);
  }
  const totals: Totals = { points: 0, runs: 0, failed: 0, nonconverged: 0 };
  for (const { m } of ordered) for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += m.totals[k];
  const files = [...sums.map(([f]) => f), 'manifest.json'];
  // the manifest of the unsharded sweep in this format (resolvedSweep's key order)
  const { tool, version, model, kind, sweep: sw, design } = ref;
  const mf = { tool, version, model, kind, ...(to === 'csv' ? {} : { format: to }), sweep: sw, design, totals, files, checksums: Object.fromEntries(sums) };
  out.write('manifest.json', `${JSON.stringify(mf, null, 2)}\n`);
  return { totals, files, shards: ordered.length };
}
