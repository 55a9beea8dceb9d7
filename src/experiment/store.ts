/**
 * Where an experiment keeps its journal and writes its outputs: an interface, so the same
 * experiment code runs with files (io/fileStore.ts, the CLI) or without (MemoryStore: tests,
 * a browser). Names are relative paths with '/' separators inside the store.
 */
export interface Appender {
  write(text: string): void;
  /** Publish the file (atomically, for a file store). */
  commit(): void;
  /** Drop what was written. */
  abort(): void;
}

export interface Store {
  /** Where the store is, for messages (a folder path). */
  readonly where: string;
  read(name: string): string | undefined;
  exists(name: string): boolean;
  /** Write a whole file atomically: a reader sees the old content or the new, never a part. */
  write(name: string, text: string): void;
  /** Stream a large file; nothing is visible under `name` until commit(). */
  append(name: string): Appender;
  remove(name: string): void;
  /** File names directly inside folder `dir` ('' for the top; sorted). */
  list(dir: string): string[];
  removeDir(dir: string): void;
}

/** A store in memory. */
export class MemoryStore implements Store {
  readonly files = new Map<string, string>();
  constructor(readonly where = '(memory)') {}
  read(name: string): string | undefined {
    return this.files.get(name);
  }
  exists(name: string): boolean {
    return this.files.has(name) || [...this.files.keys()].some((k) => k.startsWith(`${name}/`));
  }
  write(name: string, text: string): void {
    this.files.set(name, text);
  }
  append(name: string): Appender {
    const parts: string[] = [];
    return {
      write: (t) => void parts.push(t),
      commit: () => void this.files.set(name, parts.join('')),
      abort: () => {
        parts.length = 0;
      },
    };
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
