/**
 * The one rule for where clwsim writes (README.md, "Where results go"): clwsim never deletes or
 * overwrites a file it did not write.
 *
 * - A folder clwsim writes carries a marker, .clwsim-output.json, listing every file (and
 *   folder, ending in "/") clwsim wrote there. clwsim writes only into a folder that is new,
 *   empty or marked; a folder with other files and no marker is refused (exit 2, nothing
 *   written). Subfolders with their own marker count as clwsim's (a sweep's shard folders in
 *   the folder they are merged into). In a marked folder, a file clwsim is about to write that
 *   the marker does not list is refused too.
 * - Replacing earlier results in a marked folder needs --overwrite; the files of the earlier
 *   results that the new ones do not replace are then removed (listed files only). Rebuilding
 *   derived files (clwsim report, clwsim explore) needs no option.
 * - With --out omitted, a default folder that already holds results is left alone: the next
 *   free name is used (output/baseline-2, -3, …) and printed.
 * - While a command writes, a lock file (.clwsim.lock: pid and host) keeps a second command out
 *   of the folder; a lock left by a process that no longer runs is taken over.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { checkPath } from '../scenario/checks.js';
import { writeAtomic } from './files.js';
import { acquireLock, LOCK_FILE } from './lock.js';

export const MARKER_FILE = '.clwsim-output.json';

/** Is `name` (a file, or a folder ending in "/") covered by the listed names? */
const covered = (listed: Set<string>, name: string) => listed.has(name) || [...listed].some((l) => l.endsWith('/') && name.startsWith(l));

/** How to show a folder in a message: relative to the working directory when inside it. */
export const shown = (dir: string): string => {
  const r = relative(process.cwd(), dir);
  return r === '' ? '.' : r.startsWith('..') ? dir : r;
};

interface FolderState { exists: boolean; marker?: string[]; others: string[] }

/** A folder's marker (the files clwsim wrote there) and its other entries. */
function stateOf(dir: string): FolderState {
  if (!existsSync(dir)) return { exists: false, others: [] };
  if (!statSync(dir).isDirectory()) throw new InputError(`${shown(dir)}: a file; expected an output folder`);
  // a subfolder with its own marker is clwsim's too (shard folders inside the folder they merge into)
  const entries = readdirSync(dir).filter((f) => f !== LOCK_FILE && f !== MARKER_FILE && !existsSync(join(dir, f, MARKER_FILE)));
  const mf = join(dir, MARKER_FILE);
  if (!existsSync(mf)) return { exists: true, others: entries };
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(mf, 'utf8')) as { files?: unknown }).files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string'))
    throw new InputError(`${shown(mf)}: not a clwsim marker (expected JSON with a "files" list); clwsim leaves this folder alone: choose another --out`);
  return { exists: true, marker: files as string[], others: entries };
}

/** Listed files that are still there: the results a folder holds. */
const present = (dir: string, files: string[]) => files.filter((f) => existsSync(join(dir, f)));

/** Can a command write into `dir` without replacing anything: new, or empty but for a marker and a lock? */
export function isFree(dir: string): boolean {
  return stateOf(resolve(dir)).others.length === 0;
}

/**
 * The default output folder: `base` when free, else base-2, base-3, … (the first free one).
 * With --overwrite, `base` itself (replacing clwsim's earlier results there).
 */
export function defaultOutput(base: string, overwrite = false): string {
  if (overwrite || isFree(base)) return base;
  for (let k = 2; k < 1000; k++) if (isFree(`${base}-${k}`)) return `${base}-${k}`;
  throw new InputError(`${shown(resolve(base))}: every default folder up to -999 holds results; give --out`);
}

export interface ClaimOptions {
  /** 'results' (earlier results need --overwrite) or 'rebuild' (derived files: report, explore). */
  mode: 'results' | 'rebuild';
  overwrite?: boolean;
  /** A single-file output (explore): the folder may hold other files; only the file must be free. */
  singleFile?: boolean;
  /** The option that named the folder, for messages. */
  option?: string;
}

/** A folder claimed for writing: plan the files, write them, finish, release. */
export class OutputDir {
  private before: string[] = [];
  private planned = new Set<string>();
  private constructor(readonly dir: string, private readonly o: ClaimOptions, private readonly unlock: () => void, private readonly created: boolean) {}

  /** Lock `dir` and check it may be written; refuses with one line (and writes nothing) otherwise. */
  static claim(path: string, o: ClaimOptions): OutputDir {
    const opt = o.option ?? '--out';
    checkPath(opt, path);
    const dir = resolve(path);
    const existed = existsSync(dir);
    // a file, a broken marker or someone else's folder: refused before anything is created
    const early = existed ? stateOf(dir) : undefined;
    if (early && !early.marker && early.others.length > 0 && !o.singleFile) throw foreign(dir, early.others, opt);
    mkdirSync(dir, { recursive: true });
    const unlock = acquireLock(dir, opt);
    const out = new OutputDir(dir, o, unlock, !existed);
    try {
      out.check();
    } catch (e) {
      out.release();
      throw e;
    }
    return out;
  }

  private check(): void {
    const s = stateOf(this.dir);
    const opt = this.o.option ?? '--out';
    if (!s.marker) {
      if (s.others.length > 0 && !this.o.singleFile) throw foreign(this.dir, s.others, opt);
      return;
    }
    this.before = s.marker;
    const earlier = present(this.dir, s.marker);
    if (this.o.mode === 'results' && earlier.length > 0 && !this.o.overwrite)
      throw new InputError(`${opt} ${shown(this.dir)}: holds earlier results of clwsim (${list(earlier)}); add --overwrite to replace them, or choose another ${opt}`);
  }

  /** Before writing: refuse files clwsim did not write, then list the new ones in the marker. */
  plan(files: string[]): void {
    const s = stateOf(this.dir);
    const listed = new Set(s.marker ?? []);
    for (const f of files) {
      if (!covered(listed, f) && existsSync(join(this.dir, f)))
        throw new InputError(`${shown(join(this.dir, f))}: not written by clwsim (not listed in ${MARKER_FILE}); move it away or choose another ${this.o.option ?? '--out'}`);
      this.planned.add(f);
    }
    writeMarker(this.dir, [...new Set([...listed, ...files])]);
  }

  /**
   * After writing: for new results, remove the earlier results' files that were not written
   * again (listed files only), and list exactly what is there now.
   */
  finish(written: string[] = [...this.planned]): void {
    const now = new Set(written);
    let keep = stateOf(this.dir).marker ?? [];
    if (this.o.mode === 'results') {
      for (const f of this.before) if (!covered(now, f) && !now.has(f)) removeListed(this.dir, f);
      keep = [];
    }
    writeMarker(this.dir, [...new Set([...keep, ...written])].filter((f) => existsSync(join(this.dir, f))));
  }

  release(): void {
    this.unlock();
    // a folder made for a command that wrote nothing is not left behind
    if (this.created && readdirSync(this.dir).every((f) => f === MARKER_FILE)) rmSync(this.dir, { recursive: true, force: true });
  }
}

function foreign(dir: string, others: string[], opt: string): InputError {
  return new InputError(`${opt} ${shown(dir)}: holds files clwsim did not write (${list(others)}); clwsim writes only into a new or empty folder or one it made: choose another ${opt}`);
}

const list = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '));

function writeMarker(dir: string, files: string[]): void {
  const body = {
    tool: 'clwsim',
    about: 'clwsim wrote the files listed here and may replace or remove them (only them). Without this file clwsim treats the folder as not its own.',
    files: files.sort(),
  };
  writeAtomic(join(dir, MARKER_FILE), `${JSON.stringify(body, null, 2)}\n`);
}

/** Remove a listed file or folder, then the folders it leaves empty (never `dir` itself). */
function removeListed(dir: string, name: string): void {
  const p = join(dir, name);
  rmSync(p, { recursive: name.endsWith('/'), force: true });
  for (let d = dirname(p); d.startsWith(`${dir}/`); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      break; // not empty
    }
  }
}

const claims = new Map<object, OutputDir[]>();

/**
 * Claim a folder for the command `owner` (main() passes its Io); main() releases the command's
 * claims when it ends (and lock files go with the process in any case), so a command needs no
 * try/finally, and two commands running in one process keep their own claims.
 */
export function claimOutput(owner: object, path: string, o: ClaimOptions): OutputDir {
  const d = OutputDir.claim(path, o);
  claims.set(owner, [...(claims.get(owner) ?? []), d]);
  return d;
}

/** Release every folder claimed by the command `owner`. */
export function releaseOutputs(owner: object): void {
  for (const d of claims.get(owner) ?? []) d.release();
  claims.delete(owner);
}
