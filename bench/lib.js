/**
 * Shared helpers for the benchmarks: machine description, medians, tables, result files, and
 * running one measurement in a fresh child process (so peak RSS and JIT state are its own).
 * Benchmarks import the built engine from dist/ (npm ci builds it via `prepare`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * One national run as national-child.js prints it.
 * @typedef {{ scale: number, weeks: number, clws: number, tsos: number, clientWeeks: number, wallMs: number, cpuMs: number,
 *   rssMB: number, floorMs: number, floorClients: number, referralsPerYear: number }} NationalRun
 */
/**
 * One city run timed in a pool worker, as sim-worker.js posts it.
 * @typedef {{ rep: number, ms: number, clientWeeks: number, last: number }} CityRun
 */
/** Results a bench leaves for a later one in the same `npm run bench` (memory reuses national's runs).
 * @typedef {{ national?: NationalRun[] }} BenchCache
 */

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '..');
/** Engine build to measure; CLWSIM_DIST points elsewhere for before/after comparisons. */
export const DIST = process.env.CLWSIM_DIST ?? join(ROOT, 'dist');
/** Suffix for result files, e.g. BENCH_TAG=before writes results/national-before.json. */
const TAG = process.env.BENCH_TAG ? `-${process.env.BENCH_TAG}` : '';
/** Repetitions per measurement (medians are quoted). */
export const REPS = Number(process.env.BENCH_REPS ?? 3);

export function requireBuild() {
  if (!existsSync(join(DIST, 'model', 'simulate.js'))) throw new Error(`no engine build at ${DIST}: run npm run build`);
}

export function machine() {
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, node: process.version, platform: `${process.platform} ${process.arch}`, memGB: +(totalmem() / 2 ** 30).toFixed(1), loadavg: loadavg().map((x) => +x.toFixed(2)) };
}

export function commit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench', 'scenarios', ':!bench/results', ':!bench/README.md'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/** @param {number[]} xs (not empty) */
export function median(xs) {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
}

/**
 * Run `script` in a fresh node process with env; it prints one JSON line last on stdout.
 * @param {string} script
 * @param {Record<string, string>} [env]
 * @param {string[]} [nodeArgs]
 * @returns {unknown} that line, parsed (the caller knows its shape)
 */
export function child(script, env = {}, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(BENCH_DIR, script)], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '');
}

/**
 * Print a markdown table (also what bench/README.md holds).
 * @param {string[]} headers
 * @param {string[][]} rows
 */
export function table(headers, rows) {
  const out = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  return out.join('\n');
}

/**
 * @param {string} name
 * @param {object} figures
 * @param {object} [extra]
 */
export function save(name, figures, extra = {}) {
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  const out = { bench: name, date: new Date().toISOString(), commit: commit(), engine: DIST, machine: machine(), reps: REPS, ...figures, ...extra };
  writeFileSync(join(BENCH_DIR, 'results', `${name}${TAG}.json`), `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

/** @param {number} x @param {number} [d] decimals */
export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
