/**
 * What a run is reduced to, in the worker, before it comes back: a metric's statistic over a
 * window, a per-type TSO series' statistic, a funnel count, or a named calibration statistic.
 * Plain data (structured-clone safe), so the same reduction runs in any thread.
 */
import type { RunResult } from '../model/simulate.js';
import type { MetricName, TypeField } from '../model/metrics.js';
import type { TsoType } from '../model/params.js';
import type { Funnel } from '../model/world.js';
import type { Scenario } from '../model/scenario.js';
import { statistic, type Statistic, type Window } from '../scenario/stats.js';
import { CAL_STATS } from './targetStats.js';

export type Measure =
  | { metric: MetricName; window: Window; statistic: Statistic }
  | { type: TsoType; field: TypeField; window: Window; statistic: Statistic }
  | { funnel: keyof Funnel }
  | { target: string }
  /** 1 if organisation `org` of an area's register closed during the run, else 0. */
  | { orgClosed: number };

export function measure(r: RunResult, s: Scenario, m: Measure): number {
  if ('metric' in m) return statistic(r.metrics[m.metric], m.window, m.statistic);
  if ('type' in m) return statistic(r.tsoTypes[m.type][m.field], m.window, m.statistic);
  if ('funnel' in m) return r.funnel[m.funnel];
  if ('orgClosed' in m) {
    if (!r.organisations) throw new Error('orgClosed: the run has no register of organisations');
    return r.organisations.closedWeek[m.orgClosed]! > 0 ? 1 : 0;
  }
  const stat = CAL_STATS[m.target];
  if (!stat) throw new Error(`unknown calibration statistic "${m.target}"`);
  return stat.fn(r, s);
}

export const measureAll = (r: RunResult, s: Scenario, ms: Measure[]): number[] => ms.map((m) => measure(r, s, m));

/** A stable key for a measure (to share one measure between several users). */
export const measureKey = (m: Measure): string => JSON.stringify(m);
