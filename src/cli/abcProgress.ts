/**
 * The calibration's progress line on stderr: generation, particles accepted, tolerance,
 * simulations, rate and a rough ETA. How many simulations a generation needs is not known in
 * advance: the current one is extrapolated from its acceptance so far, and each later one is
 * taken to need twice its predecessor (each tolerance is the previous generation's median
 * distance, so roughly half or fewer of the proposals pass).
 */
import type { CalibrationProgress } from '../calibrate/abcRun.js';
import type { Io } from './program.js';

const time = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
  : s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);

/** Simulations still to run, estimated as described above. */
export function remainingSimulations(p: CalibrationProgress): number {
  if (p.phase === 'predictive') return p.predictive - p.predictiveDone;
  const rate = p.accepted > 0 ? p.accepted / p.generationSimulations : p.generation === 0 ? 1 : 0.5;
  const thisGen = Math.max(p.generationSimulations, p.particles / rate);
  let later = 0, g = thisGen;
  for (let k = p.generation + 1; k < p.generations; k++) later += g *= 2;
  return thisGen - p.generationSimulations + later + p.predictive;
}

export function abcBar(io: Io, quiet: boolean, tty = process.stderr.isTTY === true) {
  const start = Date.now();
  let last = 0, first = -1;
  return {
    update(p: CalibrationProgress) {
      if (quiet) return;
      const now = Date.now();
      if (now - last < (tty ? 200 : 10000)) return;
      last = now;
      const done = p.simulations + p.predictiveDone;
      if (first < 0) first = done; // simulations resumed from a saved state do not count towards the rate
      const rate = (done - first) / Math.max(1e-3, (now - start) / 1000);
      const left = remainingSimulations(p);
      const frac = done / Math.max(1, done + left);
      const what = p.phase === 'predictive' ? `predictive check ${p.predictiveDone}/${p.predictive}`
        : `generation ${p.generation + 1}/${p.generations}: ${p.accepted}/${p.particles} accepted${Number.isFinite(p.epsilon) ? `, ε ${p.epsilon.toPrecision(3)}` : ''}`;
      const text = `${what}  ${done} simulations  ${rate.toFixed(1)}/s  ETA ${rate > 0 ? `~${time(left / rate)}` : '?'}`;
      if (tty) io.err(`\r\x1b[K[${'#'.repeat(Math.round(frac * 24)).padEnd(24, '.')}] ${text}`);
      else io.err(`${text}\n`);
    },
    end() {
      if (!quiet && tty) io.err('\r\x1b[K');
    },
  };
}
