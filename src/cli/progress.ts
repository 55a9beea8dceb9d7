/** Progress on stderr: a live line on a terminal, occasional plain lines otherwise. */
export interface Progress {
  update(done: number, total: number, what: string): void;
  end(): void;
}

export function progress(quiet = false, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  let last = 0;
  const tty = stream.isTTY === true;
  return {
    update(done, total, what) {
      if (quiet) return;
      const now = Date.now();
      if (now - last < (tty ? 100 : 5000) && done < total) return;
      last = now;
      const el = (now - start) / 1000;
      const eta = done > 0 ? (el * (total - done)) / done : NaN;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const text = `${what} ${done}/${total} (${pct}%) elapsed ${el.toFixed(1)} s${Number.isFinite(eta) && done < total ? `, ETA ${eta.toFixed(1)} s` : ''}`;
      if (tty) stream.write(`\r\x1b[K${text}`);
      else stream.write(`${text}\n`);
    },
    end() {
      if (!quiet && tty) stream.write('\r\x1b[K');
    },
  };
}
