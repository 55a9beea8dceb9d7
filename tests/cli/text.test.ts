/**
 * What a new user reads (issue 13 item 11): progress in replications with a time left that has
 * settled, plain plurals, and one error style for every error, commander's own included.
 */
import { describe, expect, test } from 'vitest';
import { etaEstimator, progress } from '../../src/cli/progress.js';
import { commanderError, internalError } from '../../src/cli/errors.js';
import { cli } from '../helpers.js';


describe('progress', () => {
  test('the time left waits for three completions and is then close to the truth', () => {
    // 40 replications on 4 workers, 1 s each after a 3 s start-up: they finish in bursts of 4
    const eta = etaEstimator();
    const seen: Array<[number, number | undefined]> = [];
    for (let done = 1; done <= 40; done++) {
      const now = 3000 + 1000 * Math.ceil(done / 4);
      seen.push([done, eta(done, 40, now)]);
    }
    expect(seen.slice(0, 4).every(([, e]) => e === undefined)).toBe(true); // the first burst teaches nothing
    const first = seen.find(([, e]) => e !== undefined)!;
    expect(first[0]).toBeGreaterThanOrEqual(5);
    // from then on, never more than twice or less than half the true time left (1 s per 4)
    for (const [done, e] of seen.filter(([d, e]) => e !== undefined && d < 40)) {
      const truth = 1000 * (Math.ceil(40 / 4) - Math.ceil(done / 4));
      if (truth > 0) {
        expect(e!, `after ${done}`).toBeLessThan(2 * truth + 1000);
        expect(e!, `after ${done}`).toBeGreaterThan(truth / 2 - 1000);
      }
    }
  });

  test('a 10 s job never shows a first estimate of many minutes', () => {
    const eta = etaEstimator();
    const shown = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => eta(d, 10, 1000 * d)).filter((e) => e !== undefined) as number[];
    expect(Math.max(...shown)).toBeLessThan(10000);
  });

  test('a log gets plain lines: "baseline: 3 of 10 replications (30%), …, about … left", then "done"', () => {
    let text = '';
    let now = 0;
    const stream = { isTTY: false, write: (s: string) => { text += s; return true; } } as unknown as NodeJS.WriteStream;
    const bar = progress(false, stream, () => now);
    for (let d = 1; d <= 10; d++) {
      now += 6000;
      bar.update(d, 10, 'baseline:');
    }
    bar.end();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('baseline: 1 of 10 replications (10%), 6.0 s, estimating time left');
    expect(lines[3]).toBe('baseline: 4 of 10 replications (40%), 24.0 s, about 36 s left');
    expect(lines[9]).toBe('baseline: 10 of 10 replications (100%), 60.0 s, done');
    expect(text).not.toMatch(/\(s\)|reps/);
  });

  test('one replication is "1 of 1 replication"', () => {
    let text = '';
    const stream = { isTTY: false, write: (s: string) => { text += s; return true; } } as unknown as NodeJS.WriteStream;
    progress(false, stream, () => 0).update(1, 1, 'x:', 'step');
    expect(text).toBe('x: 1 of 1 step (100%), 0.0 s, done\n');
  });
});

describe('one error style', () => {
  test.each([
    [['rn'], "clwsim: unknown command 'rn' (did you mean run?)\n"],
    [['run'], "clwsim: missing required argument 'scenario'\n"],
    [['run', 'x.yaml', '--bogus'], "clwsim: unknown option '--bogus'\n"],
    [['run', 'x.yaml', '--reps'], "clwsim: option '--reps <n>' argument missing\n"],
    [['merge', 'x'], "clwsim: required option '--out <dir>' not specified\n"],
    [['run', 'scenarios/baseline.yaml', '--reps', '0'], 'clwsim: option \'--reps <n>\' argument \'0\' is invalid. expected a positive integer (an integer from 1 to 100000), got "0"\n'],
    [['validate', 'scenarios/nope.yaml'], 'clwsim: scenarios/nope.yaml: file not found\n'],
  ])('%j', async (args, line) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(line);
  });

  test('help written to stderr passes unchanged', () => {
    expect(commanderError('Usage: clwsim [options]\n')).toBe('Usage: clwsim [options]\n');
  });

  test('an internal error is one line without a stack, unless CLWSIM_DEBUG is set', () => {
    const e = new TypeError('x is not a function\n    at nowhere');
    expect(internalError(e, {})).toBe('clwsim: internal error: TypeError: x is not a function; please report it (CLWSIM_DEBUG=1 shows where it happened)\n');
    expect(internalError(e, { CLWSIM_DEBUG: '1' }).split('\n').length).toBeGreaterThan(2);
  });
});

describe('plain words', () => {
  test('validate and a dry run say "1 replication", "2 interventions", never "(s)" or "reps"', async () => {
    const v = await cli('validate', 'scenarios/funding-cut-restored.yaml', '--set', 'clw.count=20');
    expect(v.out).toMatch(/10 replications, seed 1, 2 interventions\)/);
    const d = await cli('sweep', 'scenarios/sweeps/funding-x-scattergun.yaml', '--dry-run', '--reps', '1', '--out', 'output/never-written');
    expect(d.out).toMatch(/design points × 1 replication = \d+ runs of/);
    for (const t of [v.out, d.out]) expect(t).not.toMatch(/\(s\)|(^|[^-\w])reps\b/);
  });

  test('no command\'s help says "(s)" or "reps" in words', async () => {
    for (const c of ['run', 'compare', 'sweep', 'sensitivity', 'merge', 'calibrate', 'patterns', 'loops', 'explore', 'report', 'validate']) {
      const r = await cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out, c).not.toMatch(/\(s\)|(^|[^-\w])reps\b/);
    }
  });
});
