/**
 * `import { loadScenario, simulate } from 'clwsim'` (README) works for a project that depends on
 * clwsim: at run time through package.json `exports`, and for TypeScript through its `types`.
 * The consumer is a temporary folder whose node_modules/clwsim links to a private copy of the
 * build (snapshotApp), as an installed dependency would be; inside the copy itself the name
 * resolves only through `exports` (package self-reference).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { snapshotApp } from '../experiment/app.js';
import { loadScenario } from '../../src/io/scenario.js';
import { simulate } from '../../src/model/simulate.js';

let app: ReturnType<typeof snapshotApp>;
let consumer: string;
beforeAll(() => {
  app = snapshotApp();
  consumer = mkdtempSync(join(tmpdir(), 'clwsim-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(app.root, join(consumer, 'node_modules', 'clwsim'), 'dir');
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
});
afterAll(() => {
  for (const d of [consumer, app?.root]) if (d) rmSync(d, { recursive: true, force: true });
});

describe("import from 'clwsim'", () => {
  test('runs the engine in a project that depends on clwsim', () => {
    const scenario = join(app.scenarios, 'baseline.yaml');
    const code = `import { loadScenario, simulate } from 'clwsim';
      const r = simulate(loadScenario(${JSON.stringify(scenario)}, { weeks: 30, warmup: 0 }), 0);
      console.log(JSON.stringify({ clientWeeks: r.clientWeeks, weeks: r.weeks }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: consumer, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const here = simulate(loadScenario('scenarios/baseline.yaml', { weeks: 30, warmup: 0 }), 0);
    expect(JSON.parse(r.stdout), 'the build differs from src: stale dist/? npm run build').toEqual({ clientWeeks: here.clientWeeks, weeks: 30 });
  });

  test('works inside the clone too (a script in the project imports the package by name)', () => {
    const code = "const { simulate, defaultScenario } = await import('clwsim'); console.log(simulate(defaultScenario({ weeks: 3 }), 0).weeks);";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: app.root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('3');
  });

  test('a deep import into dist/ is not part of the API', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('clwsim/dist/model/simulate.js')"], { cwd: consumer, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  test('TypeScript finds the types (the "types" condition), and they are types, not any', () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ['use.ts'],
    }));
    writeFileSync(join(consumer, 'use.ts'), `import { loadScenario, simulate, type RunResult } from 'clwsim';
const r: RunResult = simulate(loadScenario('scenarios/baseline.yaml'), 0);
export const weeks: number = r.weeks;
// @ts-expect-error: simulate takes a Scenario, so a string must not type-check
simulate('baseline');
`);
    const tsc = resolve('node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
