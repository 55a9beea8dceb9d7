/**
 * Wait measures that agree with the queues they describe (issue 11 item 3): on a steady run,
 * people waiting ≈ people leaving the list a week × their mean time on it (Little's law), for the
 * TSO lists and the CLW lists. The wait of starters alone does not satisfy it (people also leave
 * the list by giving up, not coming, or going back to their CLW): the test shows that too.
 */
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { scenario } from '../helpers.js';

/** Σ over weeks from..to (1-based) of a(w) × b(w), or of a(w) when b is omitted. */
const sum = (a: Float64Array, from: number, to: number, b?: Float64Array) => {
  let s = 0;
  for (let k = from - 1; k < to; k++) s += a[k]! * (b ? b[k]! : 1);
  return s;
};

describe("Little's law on a steady baseline (weeks 53-260, two replications)", () => {
  const runs = [0, 1].map((rep) => simulate(scenario('baseline', { seed: 3 }), rep));
  const [from, to] = [53, 260];
  const total = (f: (m: Record<string, Float64Array>) => number) => runs.reduce((a, r) => a + f(r.metrics), 0);

  test('TSO lists: Σ people waiting = Σ leavers × their weeks on the list, within 3%', () => {
    const peopleWeeks = total((m) => sum(m.waitlist_people!, from, to));
    const waited = total((m) => sum(m.tso_wait_weeks_mean!, from, to, m.tso_list_leavers));
    expect(Math.abs(waited / peopleWeeks - 1)).toBeLessThan(0.03);
    // Starters' waits alone miss those who leave the list another way.
    const starters = total((m) => sum(m.wait_weeks_mean!, from, to, m.starts));
    expect(starters / peopleWeeks).toBeLessThan(0.9);
  });

  test('CLW lists: Σ people waiting = Σ leavers × their weeks on the list, within 3%', () => {
    const peopleWeeks = total((m) => sum(m.clw_waitlist!, from, to));
    const waited = total((m) => sum(m.clw_wait_weeks_mean!, from, to, m.clw_list_leavers));
    expect(Math.abs(waited / peopleWeeks - 1)).toBeLessThan(0.03);
  });
});
