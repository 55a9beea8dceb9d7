/**
 * Where an experiment keeps its journal and writes its outputs: an interface, so the same
 * experiment code runs with files (io/fileStore.ts, the CLI) or without (MemoryStore: tests,
 * a browser). Names are relative paths with '/' separators inside the store.
 */
export interface Appender {
  /** Text (as UTF-8) or bytes (a Parquet file). */
  write(data: string | Uint8Array): void;
  /** Publish the file (atomically, for a file store). */
  commit(): void;
  /** Drop what was written. */
  abort(): void;
}

/** A file of newline-terminated records that only grows (a journal). */
export interface Log {
  append(text: string): void;
  close(): void;
}

export interface Store {
  /** Where the store is, for messages (a folder path). */
  readonly where: string;
  read(name: string): string | undefined;
  readBytes(name: string): Uint8Array | undefined;
  /** Size in bytes, undefined when there is no such file. */
  size(name: string): number | undefined;
  /** Bytes [from, to) of a file (a Parquet reader reads a large file a row group at a time). */
  readRange(name: string, from: number, to: number): Uint8Array;
  /** The text of a file in pieces, for files too large to hold whole (a journal). */
  chunks(name: string): Iterable<string>;
  exists(name: string): boolean;
  /** Write a whole file atomically: a reader sees the old content or the new, never a part. */
  write(name: string, text: string): void;
  /** Stream a large file; nothing is visible under `name` until commit(). */
  append(name: string): Appender;
  /**
   * Open (or create) a log for appending. A last record without its newline, left by a writer
   * killed mid-write, is cut off first, so appending never glues two records together.
   */
  log(name: string): Log;
  remove(name: string): void;
  /** File names directly inside folder `dir` ('' for the top; sorted). */
  list(dir: string): string[];
  removeDir(dir: string): void;
}

const utf8 = new TextEncoder();
const bytesOf = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? utf8.encode(v) : v);

/** A store in memory: text files as strings (as written), binary files as bytes. */
export class MemoryStore implements Store {
  readonly files = new Map<string, string | Uint8Array>();
  constructor(readonly where = '(memory)') {}
  read(name: string): string | undefined {
    const v = this.files.get(name);
    return typeof v === 'string' || v === undefined ? v : new TextDecoder().decode(v);
  }
  readBytes(name: string): Uint8Array | undefined {
    const v = this.files.get(name);
    return v === undefined ? undefined : bytesOf(v);
  }
  size(name: string): number | undefined {
    return this.readBytes(name)?.length;
  }
  readRange(name: string, from: number, to: number): Uint8Array {
    return (this.readBytes(name) ?? new Uint8Array()).slice(from, to);
  }
  *chunks(name: string): Iterable<string> {
    const text = this.read(name) ?? '';
    // small pieces, so readers are tested on records split across pieces
    for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
  }
  exists(name: string): boolean {
    return this.files.has(name) || [...this.files.keys()].some((k) => k.startsWith(`${name}/`));
  }
  write(name: string, text: string): void {
    this.files.set(name, text);
  }
  append(name: string): Appender {
    const parts: Array<string | Uint8Array> = [];
    return {
      write: (t) => void parts.push(typeof t === 'string' ? t : t.slice()),
      commit: () => {
        if (parts.every((p) => typeof p === 'string')) this.files.set(name, parts.join(''));
        else {
          const bs = parts.map(bytesOf), out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
          let at = 0;
          for (const b of bs) {
            out.set(b, at);
            at += b.length;
          }
          this.files.set(name, out);
        }
      },
      abort: () => {
        parts.length = 0;
      },
    };
  }
  log(name: string): Log {
    const had = this.read(name) ?? '';
    this.files.set(name, had.slice(0, had.lastIndexOf('\n') + 1));
    return { append: (t) => void this.files.set(name, `${this.read(name) ?? ''}${t}`), close: () => {} };
  }
  remove(name: string): void {
    this.files.delete(name);
  }
  list(dir: string): string[] {
    const pre = dir ? `${dir}/` : '';
    return [...this.files.keys()].filter((k) => k.startsWith(pre) && !k.slice(pre.length).includes('/')).map((k) => k.slice(pre.length)).sort();
  }
  removeDir(dir: string): void {
    for (const k of [...this.files.keys()]) if (k.startsWith(`${dir}/`)) this.files.delete(k);
  }
}
