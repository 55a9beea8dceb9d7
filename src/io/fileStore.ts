/**
 * The file store: an experiment's journal and outputs in a folder. Whole files are written
 * atomically (temp file + rename) so an interrupted process never leaves a half-written file;
 * a log (the journal) is appended in place, one write per record.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Appender, Log, Store } from '../experiment/store.js';
import { writeAtomic } from './files.js';

const CHUNK = 1 << 20;

/** Bytes [from, to) of an open file. */
function readAt(fd: number, from: number, to: number): Uint8Array {
  const buf = new Uint8Array(Math.max(0, to - from));
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return got === buf.length ? buf : buf.subarray(0, got);
}

/** Cut a file after its last newline (a record torn by a killed writer goes). */
function dropTornTail(fd: number): void {
  const size = fstatSync(fd).size;
  let end = size;
  while (end > 0) {
    const from = Math.max(0, end - 65536);
    const i = readAt(fd, from, end).lastIndexOf(0x0a);
    if (i >= 0) {
      end = from + i + 1;
      break;
    }
    end = from;
  }
  if (end < size) ftruncateSync(fd, end);
}

export class FileStore implements Store {
  constructor(readonly where: string) {}
  private path(name: string): string {
    return join(this.where, ...name.split('/'));
  }
  read(name: string): string | undefined {
    const f = this.path(name);
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
  }
  readBytes(name: string): Uint8Array | undefined {
    const f = this.path(name);
    return existsSync(f) ? new Uint8Array(readFileSync(f)) : undefined;
  }
  size(name: string): number | undefined {
    const f = this.path(name);
    return existsSync(f) ? statSync(f).size : undefined;
  }
  readRange(name: string, from: number, to: number): Uint8Array {
    const fd = openSync(this.path(name), 'r');
    try {
      return readAt(fd, from, to);
    } finally {
      closeSync(fd);
    }
  }
  *chunks(name: string): Iterable<string> {
    const f = this.path(name);
    if (!existsSync(f)) return;
    const fd = openSync(f, 'r');
    const dec = new TextDecoder();
    try {
      for (let at = 0; ; at += CHUNK) {
        const b = readAt(fd, at, at + CHUNK);
        if (b.length === 0) break;
        yield dec.decode(b, { stream: true });
      }
      const rest = dec.decode();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  }
  exists(name: string): boolean {
    return existsSync(this.path(name));
  }
  write(name: string, text: string): void {
    writeAtomic(this.path(name), text);
  }
  append(name: string): Appender {
    const file = this.path(name);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = join(dirname(file), `.${name.split('/').pop()}.${process.pid}.tmp`);
    const fd = openSync(tmp, 'w');
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return {
      write: (data) => void (typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data, 0, data.length)),
      commit: () => {
        close();
        renameSync(tmp, file);
      },
      abort: () => {
        close();
        rmSync(tmp, { force: true });
      },
    };
  }
  log(name: string): Log {
    const file = this.path(name);
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a+');
    dropTornTail(fd);
    let open = true;
    return {
      // one write per record: a process killed between writes leaves whole records only
      append: (text) => void writeSync(fd, text),
      close: () => {
        if (open) closeSync(fd);
        open = false;
      },
    };
  }
  remove(name: string): void {
    rmSync(this.path(name), { force: true });
  }
  list(dir: string): string[] {
    const d = this.path(dir);
    return existsSync(d) ? readdirSync(d).sort() : [];
  }
  removeDir(dir: string): void {
    rmSync(this.path(dir), { recursive: true, force: true });
  }
}
