/**
 * The `sobol:` block of a sensitivity file run with `clwsim sensitivity --method sobol`: the base
 * sample size n of the Saltelli design (n·(k+2) design points for k factors) and the bootstrap
 * resamples of the confidence intervals. Node-free.
 */
import { InputError, isObj, keysOnly, intField, show, type Raw } from './errors.js';

export interface SobolSettings { n: number; bootstrap: number }

export function parseSobol(file: string, d: Raw): { sobol: SobolSettings; warnings: string[] } {
  if (d.morris !== undefined) throw new InputError(`${file}: morris: only used with --method morris; a Sobol design is set under sobol: { n, bootstrap }`);
  const s = d.sobol ?? {};
  if (!isObj(s)) throw new InputError(`${file}: sobol: expected a mapping { n, bootstrap }, got ${show(s)}`);
  keysOnly(file, 'sobol', s, ['n', 'bootstrap']);
  const n = s.n === undefined ? 64 : intField(`${file}: sobol.n`, s.n, 2, 1 << 20);
  const bootstrap = s.bootstrap === undefined ? 1000 : intField(`${file}: sobol.bootstrap`, s.bootstrap, 0, 100000);
  // the first 2^m points of the sequence are balanced; other sizes work but spread less evenly
  const warnings = (n & (n - 1)) === 0 ? [] : [`${file}: sobol.n: ${n} is not a power of two; 2^m points of the Sobol' sequence are the evenly spread ones (e.g. ${2 ** Math.round(Math.log2(n))})`];
  return { sobol: { n, bootstrap }, warnings };
}
