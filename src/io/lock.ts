/**
 * One command at a time in an output folder: a lock file created atomically (O_EXCL), holding
 * the pid and host of its owner, removed when the command ends (or the process exits). A lock
 * whose process no longer runs on this host (killed, crashed) is taken over; a lock from
 * another host is respected, since its process cannot be checked from here.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { InputError } from '../scenario/errors.js';

export const LOCK_FILE = '.clwsim.lock';

interface Holder { pid: number; host: string; started: string }

const held = new Set<string>();
let exitHook = false;

/** Does the holder's process still run? Unknown (another host) counts as running. */
function running(h: Holder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Lock `dir` for this process; returns the release function. Refuses with one line when held. */
export function acquireLock(dir: string, option = '--out'): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() })}\n`);
      } finally {
        closeSync(fd);
      }
      held.add(file);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', () => {
          for (const f of held) rmSync(f, { force: true });
        });
      }
      return () => {
        if (held.delete(file)) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const h = readHolder(file);
      // an unreadable lock is one being written this instant: treat it as held
      if (!h || running(h) || attempt > 0) {
        const who = h ? `pid ${h.pid} on ${h.host}, since ${h.started}` : 'another process';
        throw new InputError(`${option} ${relative(process.cwd(), dir) || '.'}: in use by another clwsim command (${who}); wait for it to finish or choose another ${option}${h && h.host !== hostname() ? ` (delete ${LOCK_FILE} there if that process is gone)` : ''}`);
      }
      // stale: its process is gone. Remove it only if it is still the same stale lock.
      const again = readHolder(file);
      if (again && again.pid === h.pid && again.started === h.started) rmSync(file, { force: true });
    }
  }
  throw new InputError(`${option} ${dir}: in use by another clwsim command`);
}
