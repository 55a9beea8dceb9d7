/**
 * Input a hostile or careless file can give (issue 13, items 3 and 5): each is refused with one
 * line naming the file and field, exit code 2, nothing written and nothing of another file's
 * content printed; or, where the input is fine (dotted keys), accepted.
 */
import { describe, expect, test, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { loadScenario } from '../../src/io/scenario.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'clwsim-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = resolve('scenarios/baseline.yaml');
let k = 0;
const file = (text: string | Buffer, name = `f${k++}.yaml`) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
/** Refused: exit 2, one line on stderr, no stack trace. */
async function refused(args: string[], re: RegExp) {
  const r = await cli(...args);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(re);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  return r.err;
}

describe('scenario files: refused with one line', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['warm-up at the horizon', `extends: ${base}\nrun: {weeks: 40, warmup: 40}\n`, /run\.warmup: expected a warm-up shorter than the horizon \(run\.weeks = 40\), got 40/],
    ['warm-up beyond the horizon', `extends: ${base}\nrun: {weeks: 40, warmup: 52}\n`, /run\.warmup: expected a warm-up shorter than the horizon/],
    ['an intervention after the horizon', `extends: ${base}\nrun: {weeks: 40, warmup: 10}\ninterventions:\n  - week: 52\n    set: {demand.level: 1}\n`, /interventions\[0\]\.week: expected a week within the horizon \(1 to 40\), got 52/],
    ['week: 1e300', `extends: ${base}\ninterventions:\n  - week: 1e300\n    set: {demand.level: 1}\n`, /interventions\[0\]\.week: expected an integer week from 1 to 5200, got 1e\+300/],
    ['rampWeeks: 1e15', `extends: ${base}\ninterventions:\n  - week: 5\n    rampWeeks: 1e15\n    set: {demand.level: 1}\n`, /interventions\[0\]\.rampWeeks: expected an integer from 0 to 5200, got 1000000000000000/],
    ['run: {constructor: 5}', 'run: {constructor: 5}\n', /run: unknown key "constructor"; expected one of weeks, warmup, reps, seed/],
    ['run: {toString: 5}', 'run: {toString: 5}\n', /run: unknown key "toString"/],
    ['run: {hasOwnProperty: 5}', 'run: {hasOwnProperty: 5}\n', /run: unknown key "hasOwnProperty"/],
    ['run: {__proto__: 5}', 'run: {__proto__: 5}\n', /run: unknown key "__proto__"/],
    ['params: {toString: 1}', 'params: {toString: 1}\n', /params: unknown key "toString"/],
    ['a name with a NUL', 'name: "a\\0b"\n', /name: expected printable text \(no control characters or invalid UTF-8\), got "a\?b"/],
    ['a name with a bell', 'name: "a\\x07b"\n', /name: expected printable text/],
    ['a name of invalid UTF-8', Buffer.concat([Buffer.from('name: a'), Buffer.from([0xff, 0xfe]), Buffer.from('b\n')]), /not valid UTF-8 text; expected a YAML file/],
    ['a name of 101 characters', `name: ${'a'.repeat(101)}\n`, /name: expected at most 100 characters, got 101/],
    ['a 5 MB name', `name: ${'a'.repeat(5 << 20)}\n`, /\d+ bytes; expected a YAML file of at most 1048576 bytes/],
    ['!!binary on name', 'name: !!binary aGVsbG8=\n', /malformed YAML \(line 1, column 7\): unsupported YAML tag !!binary; clwsim files use plain values/],
    ['!!set', 'params: !!set {a: null}\n', /unsupported YAML tag !!set/],
    ['!!timestamp', 'description: !!timestamp 2001-12-14\n', /unsupported YAML tag !!timestamp/],
    ['a local tag', 'name: !foo x\n', /unsupported YAML tag !foo/],
    ['a mapping as a key', '? [a, b]\n: 1\n', /malformed YAML \(line 1, column 3\): a list or mapping used as a key/],
    ['a duplicate key', 'name: a\nname: b\n', /malformed YAML \(line 2, column 1\): duplicate key "name"; expected each key once in a mapping/],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `a${i}: &a${i} [${Array(10).fill(i ? `*a${i - 1}` : '*a').join(', ')}]`).join('\n')}\n`, /malformed YAML: too many aliases \(\*name\) to expand/],
    ['a list that contains itself', 'params: &a [*a]\n', /params: expected a mapping of parameter groups, got \[a list that contains itself\]/],
    ['.inf', `extends: ${base}\nrun: {weeks: .inf}\n`, /run\.weeks: expected an integer from 1 to 5200, got Infinity/],
    ['.nan', 'params: {clw: {count: .nan}}\n', /params\.clw\.count: expected an integer from 1 to 20000, got NaN/],
    ['-.inf in a parameter', 'params: {practice: {scatterShare: -.inf}}\n', /params\.practice\.scatterShare: expected a number from 0 to 1, got -Infinity/],
  ];
  for (const [what, text, re] of cases)
    test(what, async () => {
      const f = file(text);
      const err = await refused(['validate', f], re);
      expect(err).toContain(f);
      expect(err.length).toBeLessThan(400);
    });

  test('a tag gives no Node warning (nothing on stderr but the one line)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      await refused(['validate', file('params: !!map {? [1, 2]: x}\n')], /a list or mapping used as a key/);
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe('extends: never reads what is not a regular file, never prints another file', () => {
  test.each([
    ['/dev/zero', /extends: \/dev\/zero: not a regular file \(a device, pipe or socket\); expected a YAML file/],
    ['/dev/urandom', /extends: \/dev\/urandom: not a regular file/],
    ['/tmp', /extends: \/tmp: a folder; expected a file/],
    ['https://example.com/base.yaml', /extends: https:\/\/example\.com\/base\.yaml: a URL; expected a file path/],
    ['nowhere/missing.yaml', /f\d+\.yaml: extends: .*nowhere\/missing\.yaml: file not found/],
  ])('extends: %s', async (target, re) => {
    const f = file(`extends: ${target}\n`);
    const err = await refused(['validate', f], re);
    expect(err.startsWith(`clwsim: ${f}: extends: `)).toBe(true); // the file and field that referred to it
  }, 10000);

  test('a pipe is refused without waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    await refused(['validate', file(`extends: ${fifo}\n`)], /pipe\.yaml: not a regular file/);
  }, 10000);

  test('/proc/self/environ: the environment is never printed', async () => {
    process.env.CLWSIM_CANARY = 'canary-7f3e1d';
    const err = await refused(['validate', file('extends: /proc/self/environ\n')], /extends: \/proc\/self\/environ: /);
    expect(err).not.toContain('canary-7f3e1d');
  });

  test('a secret file quoted at most as a short excerpt', async () => {
    const secret = file(`token-${'x'.repeat(500)}\n`, 'secret.txt');
    const err = await refused(['validate', file(`extends: ${secret}\n`)], /secret\.txt: expected a mapping with name, params, interventions\.\.\., got "token-x+…\n/);
    expect(err.length).toBeLessThan(300);
  });

  test('a sweep whose scenario: is missing names the sweep file and field', async () => {
    const f = file('scenario: gone.yaml\nfactors: {clw.count: [10, 20]}\n');
    await refused(['sweep', f, '--dry-run'], new RegExp(`^clwsim: ${f}: scenario: .*gone\\.yaml: file not found`));
  });

  test('a path with a NUL byte or a newline, or of 5 MB, is one short line', async () => {
    await refused(['validate', 'scenarios/base\0line.yaml'], /input file: expected a file path without control characters/);
    await refused(['validate', file('extends: "a\\nb.yaml"\n')], /extends: expected a file path without control characters/);
    const err = await refused(['validate', 'x'.repeat(5 << 20)], /input file: expected a file path of at most 1024 characters, got 5242880/);
    expect(err.length).toBeLessThan(200);
  });
});

describe('sweep files', () => {
  const sweep = (extra: string) => file(`scenario: ${base}\nfactors: {clw.count: [10, 20]}\n${extra}`);
  test('statistic: null is refused', async () => {
    await refused(['sweep', sweep('statistic: null\n'), '--dry-run'], /statistic: expected one of mean, sum, last, got null/);
  });
  test('set: on a factor is refused, like --set on one', async () => {
    await refused(['sweep', sweep('set: {clw.count: 5}\n'), '--dry-run'], /set\.clw\.count: clw\.count is also a factor of this sweep/);
    await refused(['sweep', sweep(''), '--dry-run', '--set', 'clw.count=5'], /--set clw\.count=5: clw\.count is a factor of this sweep/);
  });
  test('--shard beyond 10000 shards is refused', async () => {
    await refused(['sweep', sweep(''), '--dry-run', '--shard', '1/100000000'], /--shard 1\/100000000: expected a shard count from 1 to 10000, got 100000000/);
    await refused(['sweep', sweep(''), '--dry-run', '--shards', '20000'], /--shards.*expected a number of shards \(an integer from 1 to 10000\)/);
  });
});

describe('merge', () => {
  test('a shard whose manifest.json is not JSON: one line', async () => {
    const shard = join(dir, 'shard-bad');
    mkdirSync(shard);
    writeFileSync(join(shard, 'manifest.json'), '{not json');
    const out = join(dir, 'merged');
    await refused(['merge', shard, '--out', out], /shard-bad\/manifest\.json: not valid JSON; expected the manifest of a clwsim sweep shard/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('accepted', () => {
  test('dotted keys under params: (as in set: and --set)', () => {
    const f = file(`extends: ${base}\nparams:\n  practice.scatterShare: 0.5\n  clw:\n    count: 30\n  funding.multiplier.crisis: 0.8\n`);
    const s = loadScenario(f);
    expect(s.params.practice.scatterShare).toBe(0.5);
    expect(s.params.clw.count).toBe(30);
    expect(s.params.funding.multiplier.crisis).toBe(0.8);
  });
  test('a dotted key with a typo gets a hint', async () => {
    await refused(['validate', file('params:\n  practice.scatterShar: 0.5\n')], /unknown parameter "practice\.scatterShar" \(did you mean "practice\.scatterShare"\?\)/);
  });
  test('plain core tags still mean what they say', () => {
    const s = loadScenario(file(`extends: ${base}\nname: !!str 2024\nparams: !!map {clw: {count: !!int 30}}\n`));
    expect(s.name).toBe('2024');
    expect(s.params.clw.count).toBe(30);
  });
});
