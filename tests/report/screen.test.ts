/**
 * compare starts the sensitivity screen with the comparison and prepares the run folders a table
 * at a time while the pool works (bench/README.md, fifth pass). Neither may change a result:
 * the analysis from a screen started early is the one sensitivity() makes on its own, with the
 * same progress, and the paced run outputs are the plain ones.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/io/scenario.js';
import { replicateArms } from '../../src/experiment/replicate.js';
import { armFromRuns, lastWeeks } from '../../src/report/arms.js';
import { sensitivity, startScreen } from '../../src/report/sensitivity.js';
import { runOutputs, runOutputsPaced } from '../../src/io/results.js';

const opts = { weeks: 40, warmup: 10, reps: 2 };
const base = loadScenario(join('scenarios', 'baseline.yaml'), opts);
const cut = loadScenario(join('scenarios', 'scattergun.yaml'), opts); // its lever acts from week 1

describe('a screen started with the comparison', () => {
  test('gives the analysis sensitivity() makes alone, and reports the same progress', async () => {
    const w = lastWeeks(base.weeks, 10);
    const early = startScreen(base, cut, w, base.reps, undefined, { workers: 1 });
    const [b, c] = (await replicateArms([base, cut], base.reps)).map((runs, i) => armFromRuns([base, cut][i]!, runs));
    const ticks: Array<[number, number]> = [], ticksAlone: Array<[number, number]> = [];
    const withEarly = await sensitivity(b!, c!, w, { top: 2, workers: 1, screen: early, onProgress: (d, t) => ticks.push([d, t]) });
    const alone = await sensitivity(b!, c!, w, { top: 2, workers: 1, onProgress: (d, t) => ticksAlone.push([d, t]) });
    expect(withEarly).toEqual(alone);
    expect(withEarly.rows.length).toBeGreaterThan(2);
    expect(ticks).toEqual(ticksAlone);
    const [done, total] = ticks[ticks.length - 1]!;
    expect(done).toBe(total);
  }, 120_000);
});

test('run outputs prepared a table at a time are the same', async () => {
  const [runs] = await replicateArms([base], base.reps);
  let pauses = 0;
  const paced = await runOutputsPaced(runs!, base, async () => void pauses++);
  expect(paced).toEqual(runOutputs(runs!, base));
  expect(pauses).toBe(paced.tables.length);
});
