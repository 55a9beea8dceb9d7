/**
 * The layering the code relies on (docs/architecture.md): a pure model; a Node-free scenario
 * layer (checks, build, tables) that also runs in the browser; experiments that know files only
 * through a store; node:fs only at the edges (io/, cli/); one runner calling simulate().
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));
const text = (f: string) => readFileSync(join('src', f), 'utf8');
const imports = (f: string) => [...text(f).matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1]!);
const under = (dir: string) => files.filter((f) => f.startsWith(`${dir}/`));

describe('architecture', () => {
  test('node:fs is imported only in src/io and src/cli', () => {
    const bad = files.filter((f) => !f.startsWith('io/') && !f.startsWith('cli/') && imports(f).some((i) => i === 'node:fs' || i === 'fs'));
    expect(bad).toEqual([]);
  });

  test('the model and the scenario layer import nothing from Node and nothing above them', () => {
    for (const f of [...under('model'), ...under('scenario')]) {
      const bad = imports(f).filter((i) => i.startsWith('node:') || /\.\.\/(io|cli|experiment|report|patterns|calibrate|explorer)\//.test(i));
      expect(bad, f).toEqual([]);
    }
  });

  test('experiments know files only through the store: no imports from io/ or cli/', () => {
    for (const f of under('experiment')) expect(imports(f).filter((i) => /\.\.\/(io|cli)\//.test(i)), f).toEqual([]);
  });

  test('one runner: at most two files outside src/model call simulate()', () => {
    const callers = files.filter((f) => !f.startsWith('model/') && /\bsimulate\(/.test(text(f)));
    expect(callers.length, callers.join(', ')).toBeLessThanOrEqual(2);
    expect(callers).toContain('experiment/runner.ts');
  });
});
