/**
 * `clwsim sensitivity --method sobol --verify ishigami`: the Sobol' estimators on the Ishigami
 * function (a = 7, b = 0.1), whose indices are known analytically. Writes sobol.csv exactly as a
 * model run does, prints estimate against analytic value, and fails (exit 1) when any index is
 * more than 0.05 off.
 */
import { join } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { ishigamiAnalytic, ishigamiRows } from '../experiment/sobol.js';
import { sobolCsvOf } from '../experiment/sobolSweep.js';
import { writeAtomic } from '../io/files.js';
import { CommandFailed } from './errors.js';
import type { Io } from './program.js';

export const ISHIGAMI_TOLERANCE = 0.05;

export function verifySobol(io: Io, fn: string, method: string | undefined, file: string | undefined, out: string | undefined): void {
  if (method !== 'sobol') throw new InputError(`--verify ${fn}: used with --method sobol`);
  if (fn !== 'ishigami') throw new InputError(`--verify: expected ishigami (the test function with known indices), got "${fn}"`);
  if (file !== undefined) throw new InputError(`--verify ishigami: runs the estimators on a test function, not on ${file}; give no file`);
  const dir = out ?? join('output', 'sobol-ishigami');
  const n = 4096;
  const rows = ishigamiRows({ n, bootstrap: 1000, seed: 'ishigami' });
  writeAtomic(join(dir, 'sobol.csv'), sobolCsvOf(rows));
  const { S1, ST } = ishigamiAnalytic();
  io.out(`Ishigami function (a = 7, b = 0.1): Saltelli design on the Sobol' sequence, n = ${n} (${n * 5} evaluations), 1000 bootstrap resamples\n`);
  io.out(`  factor      S1  (95% interval)     analytic      ST  (95% interval)     analytic\n`);
  let worst = 0;
  rows.forEach((r, i) => {
    worst = Math.max(worst, Math.abs(r.S1 - S1[i]!), Math.abs(r.ST - ST[i]!));
    const f = (x: number) => (Math.abs(x) < 5e-4 ? 0 : x).toFixed(3).padStart(6);
    io.out(`  ${r.factor.padEnd(6)}  ${f(r.S1)}  (${f(r.S1_low)} to ${f(r.S1_high)})  ${f(S1[i]!)}  ${f(r.ST)}  (${f(r.ST_low)} to ${f(r.ST_high)})  ${f(ST[i]!)}\n`);
  });
  const ok = worst <= ISHIGAMI_TOLERANCE;
  io.out(`${ok ? 'PASS' : 'FAIL'}: largest error ${worst.toFixed(4)} (tolerance ${ISHIGAMI_TOLERANCE}); wrote ${join(dir, 'sobol.csv')}\n`);
  if (!ok) throw new CommandFailed(1);
}
