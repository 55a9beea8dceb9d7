/**
 * Progress on stderr: a live line on a terminal, a plain line every 5 s otherwise. It counts
 * finished units (replications, steps) and shows a time left only once it has settled: after
 * three completions, measured from the first one (workers start together, so the first
 * completions come in a burst), and smoothed so it does not jump with every update.
 */
import { plural } from '../report/format.js';

export interface Progress {
  /** `done` of `total` units finished; `what` says of what (e.g. "baseline:"). */
  update(done: number, total: number, what: string, unit?: string): void;
  end(): void;
}

const secs = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 90 ? `${Math.round(s / 60)} min` : `${Math.max(1, Math.round(s))} s`);

/** Estimates the time left from completions; pure, so a test can drive it with its own clock. */
export function etaEstimator() {
  let first: { done: number; at: number } | undefined;
  let shown: { eta: number; at: number } | undefined;
  return (done: number, total: number, now: number): number | undefined => {
    if (done <= 0) return undefined;
    first ??= { done, at: now };
    if (done - first.done < 2 || now <= first.at) return undefined;
    const raw = ((total - done) * (now - first.at)) / (done - first.done);
    // exponential smoothing of the estimate, the earlier one counted down by the time passed
    const eta = shown ? 0.7 * Math.max(0, shown.eta - (now - shown.at)) + 0.3 * raw : raw;
    shown = { eta, at: now };
    return eta;
  };
}

export function progress(quiet = false, stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): Progress {
  const start = clock();
  let last = 0;
  const tty = stream.isTTY === true;
  const estimate = etaEstimator();
  return {
    update(done, total, what, unit = 'replication') {
      if (quiet) return;
      const now = clock();
      const eta = estimate(done, total, now);
      if (now - last < (tty ? 100 : 5000) && done < total) return;
      last = now;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const left = done >= total ? 'done' : eta === undefined ? 'estimating time left' : `about ${secs(eta / 1000)} left`;
      const text = `${what} ${done} of ${plural(total, unit)} (${pct}%), ${((now - start) / 1000).toFixed(1)} s, ${left}`;
      if (tty) stream.write(`\r\x1b[K${text}`);
      else stream.write(`${text}\n`);
    },
    end() {
      if (!quiet && tty) stream.write('\r\x1b[K');
    },
  };
}
