/**
 * The declared twins (src/report/twins.ts) really are one lever: raising either member by the
 * same factor gives byte-identical results; and the assumptions ranking moves and lists one of each.
 */
import { describe, expect, test } from 'vitest';
import { defaultScenario } from '../../src/scenario/build.js';
import { simulate } from '../../src/model/simulate.js';
import { cloneParams, getParam, setParam } from '../../src/model/params.js';
import { METRIC_NAMES } from '../../src/model/metrics.js';
import { oneOfEachTwin, TWINS, twinsOf } from '../../src/report/twins.js';
import { screenCandidates } from '../../src/report/sensitivity.js';
import { buildReport } from '../../src/report/build.js';
import { armFromRuns } from '../../src/report/arms.js';

describe('parameter twins', () => {
  for (const g of TWINS)
    test(`${g.paths.join(' and ')}: raising either by 25% gives identical runs`, () => {
      const s = defaultScenario({ weeks: 40, warmup: 0 });
      const raised = g.paths.map((p) => {
        const params = cloneParams(s.params);
        setParam(params, p, (getParam(s.params, p) as number) * 1.25);
        return simulate({ ...s, params }, 0);
      });
      const asSet = simulate(s, 0);
      for (const m of METRIC_NAMES) for (const r of raised.slice(1)) expect(Array.from(r.metrics[m]), m).toEqual(Array.from(raised[0]!.metrics[m]));
      // and the change is a real one (the test could not pass by the parameters doing nothing)
      expect(Array.from(raised[0]!.metrics.arrivals)).not.toEqual(Array.from(asSet.metrics.arrivals));
    });

  test('one member of each group is kept, the first present; a group with a fixed member is dropped', () => {
    const c = (...paths: string[]) => paths.map((path) => ({ path }));
    expect(oneOfEachTwin(c('clw.count', 'demand.referralsPerClwWeek', 'demand.level')).map((x) => x.path)).toEqual(['clw.count', 'demand.level']);
    expect(oneOfEachTwin(c('demand.referralsPerClwWeek', 'clw.count')).map((x) => x.path)).toEqual(['demand.referralsPerClwWeek', 'clw.count']);
    expect(oneOfEachTwin(c('demand.level', 'clw.count'), new Set(['demand.referralsPerClwWeek'])).map((x) => x.path)).toEqual(['clw.count']);
    expect(twinsOf('demand.level')).toEqual(['demand.referralsPerClwWeek']);
    expect(twinsOf('clw.count')).toEqual([]);
  });
});

describe('the assumptions ranking screens one of each group', () => {
  const s = defaultScenario({ weeks: 20 });
  const paths = (...a: Parameters<typeof screenCandidates>) => screenCandidates(...a).map((c) => c.path);
  test('one member moved; its twin moved instead when the first is a scenario lever; none when one is drawn from a posterior', () => {
    expect(paths(s, s)).toContain('demand.level');
    expect(paths(s, s)).not.toContain('demand.referralsPerClwWeek');
    const surge = { ...s, interventions: [{ week: 5, rampWeeks: 0, label: 'surge', set: { 'demand.level': 1.5 } }] };
    expect(paths(s, surge)).toContain('demand.referralsPerClwWeek');
    expect(paths(s, surge)).not.toContain('demand.level');
    const drawn = paths(s, s, [{ id: 0, values: { 'demand.referralsPerClwWeek': 2.4 } }]);
    expect(drawn.filter((p) => p.startsWith('demand.level') || p.startsWith('demand.referrals'))).toEqual([]);
    expect(drawn.length).toBe(paths(s, s).length - 1);
  });
});

describe('a ranking read back from an older report.json', () => {
  test('lists each twin once, naming the other', async () => {
    const s = defaultScenario({ name: 'b', weeks: 20, warmup: 0, reps: 3 });
    const arm = (name: string) => armFromRuns({ ...s, name }, [0, 1, 2].map((r) => simulate({ ...s, name }, r)));
    const row = (path: string) => ({ path, description: 'd', unit: 'u', source: 's', value: 1, low: 0.75, high: 1.25, effectLow: -1, effectHigh: 1, effectRef: 0, swing: 2, method: 'simulated' as const, reps: 3 });
    const old = { scenario: 'o', outcome: 'net', delta: 0.25, screened: 10, screenReps: 1, rows: [row('demand.level'), row('demand.referralsPerClwWeek'), row('clw.count')] };
    const files = new Map((await buildReport(arm('b'), [arm('o')], { from: 1, to: 20 }, { version: 't', command: 'c' }, old)).files);
    const lines = files.get('sensitivity.csv')!.trim().split('\n').slice(1).map((l) => l.split(',').slice(3, 4).concat(l.split(',')[13]!));
    expect(lines).toEqual([['demand.level', 'demand.referralsPerClwWeek'], ['clw.count', '']]);
  });
});
