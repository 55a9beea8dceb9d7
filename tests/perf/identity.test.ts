/**
 * Results hold still: eight explicit scenarios, chosen to reach every code path, must give the
 * same output bit for bit as when their digests were stored (tests/perf/digests.json): every
 * metric series, every per-type series, the funnel and the client-weeks (see digest.ts).
 * Optimisations and refactors must pass this unchanged.
 *
 * When the model changes on purpose (a mechanism, a default, a new random draw), regenerate:
 *   UPDATE_DIGESTS=1 npx vitest run tests/perf/identity.test.ts
 * and say in the commit which change moved which cases and why (tests/perf/README.md).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { simulate } from '../../src/model/simulate.js';
import { defaults, setParam, type Params } from '../../src/model/params.js';
import type { Scenario, Intervention } from '../../src/model/scenario.js';
import { type CaseDigest, digestRun, explainDifference } from './digest.js';

const FILE = 'tests/perf/digests.json';
const UPDATE = process.env.UPDATE_DIGESTS === '1';
if (UPDATE && process.env.CI) throw new Error('UPDATE_DIGESTS is for a deliberate model change on a developer machine, not CI');

function make(name: string, set: Record<string, number | string>, weeks: number, seed: number, interventions: Intervention[] = []): Scenario {
  const params: Params = defaults();
  for (const [k, v] of Object.entries(set)) setParam(params, k, v);
  return { name, description: '', params, interventions, weeks, warmup: 0, reps: 1, seed };
}

const CITY = { 'clw.count': 25, 'demand.referralsPerClwWeek': 2.6, 'tso.count.crisis': 12, 'tso.count.mh': 8, 'tso.count.activity': 24, 'tso.count.specialist': 8 };
const cut = (week: number, mult: number): Intervention => ({ week, rampWeeks: 0, label: 'cut', set: { 'funding.multiplier.crisis': mult, 'funding.multiplier.activity': mult } });

/** Scenarios chosen to reach every code path: closures, scattergun, headcount changes, ramps, the expertise lever, pressure. */
const CASES: Scenario[] = [
  make('city', CITY, 260, 1),
  make('city-seed', CITY, 200, 987654321),
  make('scattergun', { ...CITY, 'practice.scatterShare': 0.5, 'practice.scatterK': 4 }, 200, 3),
  make('funding-cut', CITY, 200, 5, [cut(52, 0.3), { ...cut(150, 1), rampWeeks: 20 }]),
  make('headcount', CITY, 200, 7, [{ week: 60, rampWeeks: 0, label: 'cut CLWs', set: { 'clw.count': 15 } }, { week: 120, rampWeeks: 0, label: 'restore', set: { 'clw.count': 30 } }]),
  make('training', CITY, 160, 13, [{ week: 40, rampWeeks: 10, label: 'training', set: { 'clw.expertiseMean': 0.8 } }]),
  make('pressure', { ...CITY, 'demand.level': 2.5, 'practice.kpiRegime': 'outcomes', 'clw.tsoEmployedShare': 0.5 }, 200, 9),
  make('regional', { 'clw.count': 120, 'clw.caseloadCap': 100, 'demand.referralsPerClwWeek': 7.14, 'tso.count.crisis': 160, 'tso.count.mh': 110, 'tso.count.activity': 320, 'tso.count.specialist': 110 }, 160, 11),
];

const stored: Record<string, CaseDigest> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const fresh: Record<string, CaseDigest> = {};

describe('engine output equals the stored digests, bit for bit', () => {
  for (const s of CASES) {
    test(s.name, () => {
      const live = simulate(s, 0);
      expect(live.clientWeeks).toBeGreaterThan(0);
      const got = digestRun(live);
      fresh[s.name] = got;
      if (UPDATE) return;
      const want = stored[s.name];
      if (!want) throw new Error(`case ${s.name}: no stored digest in ${FILE} (new case? UPDATE_DIGESTS=1, see the header)`);
      const why = explainDifference(want, got);
      expect(why, `case ${s.name}: ${why} (deliberate model change? see the header)`).toBeUndefined();
    });
  }

  afterAll(() => {
    if (!UPDATE) return;
    // Cases filtered out of this run keep their stored digests; cases no longer in CASES go.
    const next: Record<string, CaseDigest> = {};
    for (const s of CASES) {
      const d = fresh[s.name] ?? stored[s.name];
      if (d) next[s.name] = d;
    }
    writeFileSync(FILE, `${JSON.stringify(next, null, 2)}\n`);
    const moved = CASES.filter((s) => fresh[s.name] && stored[s.name]?.digest !== fresh[s.name]!.digest).map((s) => s.name);
    console.warn(`UPDATE_DIGESTS: rewrote ${FILE}; cases whose output changed: ${moved.join(', ') || 'none'}. Commit it with the model change and say why.`);
  });
});
