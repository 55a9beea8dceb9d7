import { afterAll, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/program.js';
import { loadScenario, type Overrides } from '../src/io/scenario.js';
import type { Scenario } from '../src/model/scenario.js';
import { InputError } from '../src/scenario/errors.js';

/** A bundled scenario, shortened for tests (a horizon no longer than the warm-up, 104 weeks, gets no warm-up). */
export function scenario(name: string, o: Overrides = {}): Scenario {
  const warmup = o.warmup ?? (o.weeks !== undefined && o.weeks <= 104 ? 0 : undefined);
  return loadScenario(`scenarios/${name}.yaml`, { ...o, warmup });
}

/** Run the CLI in-process, capturing what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(args, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

/**
 * A temporary folder for one test file, removed when its tests end; `file(text, name?)` writes a
 * file there (named f0.yaml, f1.yaml, … unless named) and returns its path.
 */
export function scratch(prefix: string): { dir: string; file: (text: string, name?: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `clwsim-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    file: (text, name = `f${n++}.yaml`) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    },
  };
}

/** The message of the InputError f throws; the test fails if f throws anything else, or nothing. */
export function inputErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}
