/**
 * The file store: an experiment's journal and outputs in a folder. Whole files are written
 * atomically (temp file + rename) so an interrupted process never leaves a half-written file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Appender, Store } from '../experiment/store.js';
import { writeAtomic } from './files.js';

export class FileStore implements Store {
  constructor(readonly where: string) {}
  private path(name: string): string {
    return join(this.where, ...name.split('/'));
  }
  read(name: string): string | undefined {
    const f = this.path(name);
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
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
      write: (text) => void writeSync(fd, text),
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
