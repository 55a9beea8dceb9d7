/**
 * run and compare with --format parquet: every table, read back by DuckDB (the independent
 * reader, tests/experiment/duck.ts), equals the CSV of the same command cell by cell; the
 * report is the same; `clwsim report` rebuilds a Parquet comparison from its Parquet files.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cli, scratch } from '../helpers.js';
import { csvCells, duck } from '../experiment/duck.js';

const tmp = scratch('format').dir;
const clwsim = cli;

/** Every file under a folder, relative path → bytes. */
function tree(dir: string, at = dir): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const f of readdirSync(at)) {
    const p = join(at, f);
    if (statSync(p).isDirectory()) Object.assign(out, tree(dir, p));
    else out[relative(dir, p)] = readFileSync(p);
  }
  return out;
}

/** Each Parquet table of `pq` against the CSV table of the same name in `csv`, cell by cell. */
async function sameCells(pq: string, csv: string): Promise<string[]> {
  const tables = Object.keys(tree(pq)).filter((f) => f.endsWith('.parquet')).sort();
  for (const t of tables) {
    const p = await duck(join(pq, t));
    const c = csvCells(join(csv, t.replace(/\.parquet$/, '.csv')));
    expect(p.names, t).toEqual(c.names);
    expect(p.rows.length, t).toBe(c.rows.length);
    p.rows.forEach((row, i) => {
      expect(row, `${t} row ${i + 1}`).toEqual(c.rows[i]);
    });
  }
  return tables;
}

describe('--format parquet on run and compare', () => {
  test('run: trajectories, summary, funnel and tso_types as Parquet, the same cells as the CSVs', async () => {
    const args = ['run', 'scenarios/baseline.yaml', '--reps', '2', '--weeks', '20', '--warmup', '5', '--workers', '1', '--quiet'];
    expect((await clwsim(...args, '--out', join(tmp, 'run-csv'))).code).toBe(0);
    const r = await clwsim(...args, '--format', 'parquet', '--out', join(tmp, 'run-pq'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\{trajectories,summary,funnel,tso_types\}\.parquet and manifest.json/);
    expect(await sameCells(join(tmp, 'run-pq'), join(tmp, 'run-csv'))).toEqual(['funnel.parquet', 'summary.parquet', 'trajectories.parquet', 'tso_types.parquet']);
    expect(JSON.parse(readFileSync(join(tmp, 'run-pq', 'manifest.json'), 'utf8')).files).toEqual(['trajectories.parquet', 'summary.parquet', 'funnel.parquet', 'tso_types.parquet', 'manifest.json']);
    const types = (await duck(join(tmp, 'run-pq', 'funnel.parquet'))).types;
    expect(types.slice(0, 4)).toEqual(['VARCHAR', 'BIGINT', 'BIGINT', 'BIGINT']);
  });

  test('compare: every arm\'s tables, comparison, costs and sensitivity as Parquet; the same report; report rebuilds from Parquet', async () => {
    const args = ['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', '--reps', '3', '--weeks', '120', '--warmup', '10', '--window', '15', '--sensitivity', '1', '--workers', '1', '--quiet'];
    expect((await clwsim(...args, '--out', join(tmp, 'cmp-csv'))).code).toBe(0);
    const r = await clwsim(...args, '--format', 'parquet', '--out', join(tmp, 'cmp-pq'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/comparison\.parquet, costs\.parquet/);
    const tables = await sameCells(join(tmp, 'cmp-pq'), join(tmp, 'cmp-csv'));
    expect(tables.filter((t) => !t.startsWith('runs/'))).toEqual(['comparison.parquet', 'costs.parquet', 'sensitivity.parquet']);
    expect(tables.filter((t) => t.startsWith('runs/')).length).toBe(8);
    const pq = tree(join(tmp, 'cmp-pq'));
    expect(Object.keys(pq).some((f) => f.endsWith('.csv'))).toBe(false);
    expect(pq['charts/waitlist_total.svg']).toEqual(tree(join(tmp, 'cmp-csv'))['charts/waitlist_total.svg']);
    expect(JSON.parse(pq['report.json']!.toString()).format).toBe('parquet');

    // rebuilt from the Parquet files alone: the same tables, still Parquet
    const rb = await clwsim('report', join(tmp, 'cmp-pq'), '--quiet');
    expect(rb.code, rb.err).toBe(0);
    const again = tree(join(tmp, 'cmp-pq'));
    for (const f of ['comparison.parquet', 'costs.parquet', 'sensitivity.parquet']) expect(again[f], f).toEqual(pq[f]);
    expect(Object.keys(again).some((f) => f.endsWith('.csv'))).toBe(false);
  });

  test('a bad --format is one line, exit 2', async () => {
    const r = await clwsim('run', 'scenarios/baseline.yaml', '--format', 'xlsx', '--out', join(tmp, 'bad'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format.*expected csv or parquet, got "xlsx"/);
  });
});
