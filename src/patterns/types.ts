/**
 * What a pattern is: a claim of the paper as a paired experiment. The control arm is the baseline
 * (or a stated variant); the treatment moves one lever. Both arms use the same replication seeds,
 * so their arrivals are identical (common random numbers) and the paired difference carries
 * little noise. A pattern passes when the 95% interval of the paired difference lies on the
 * expected side of 0 in every independent seed block.
 */
import type { MatrixRow } from '../model/matrix.js';
import type { MetricName } from '../model/metrics.js';
import type { Intervention } from '../model/scenario.js';
import type { Statistic, Window } from '../scenario/stats.js';

export interface Arm {
  /** Scenario file under scenarios/ (default baseline). */
  scenario?: string;
  set?: Record<string, number | string>;
  interventions?: Intervention[];
}

/** Every week of the run (the window is clipped to the horizon). */
export const WHOLE_RUN: Window = { from: 1, to: 5200 };
/** The year after the funding cut of week 104 (the third year, the first after the warm-up). */
export const YEAR_AFTER_CUT: Window = { from: 105, to: 156 };

/**
 * What a pattern proves. `mechanism`: its lever, or what the lever sets for each client or TSO in
 * one rule (accompanied, followed up, over-referred, a starting value of the same quantity), is a
 * term of the rule that computes its metric: it checks that rule, which also has a unit test beside
 * its module. `emergent`: it is not; the lever reaches the metric only through state that other
 * rules and agents change over time (queues and waits, caseloads and pressure, trust, expertise,
 * the services CLWs know, clients' paths and wellbeing), and `how` says which.
 */
export type PatternKind = 'emergent' | 'mechanism';

export interface Pattern {
  id: string;
  kind: PatternKind;
  /** Emergent: how the effect travels from lever to metric, in one line. Mechanism: the rule it checks, and where. */
  how: string;
  claim: string;
  rows: MatrixRow[];
  lever: string;
  control: Arm;
  treatment: Arm;
  metric: MetricName;
  expected: 'up' | 'down';
  /** Weeks the metric is judged over (default: the last year of the run). */
  window?: Window;
  /** How the window becomes one number per replication (default: the mean). */
  statistic?: Statistic;
  /**
   * Emergent only: modules of the metric's formula (formula.ts) in which the lever's parameter does
   * occur, each with why the claim does not travel through that occurrence (checked by
   * tests/patterns/formula.test.ts).
   */
  exempt?: Record<string, string>;
  /** Mechanism only: the unit test beside the mechanism that tests the rule; it names this pattern's id. */
  test?: string;
}

export type Draft = Omit<Pattern, 'kind'>;

export const BASELINE: Arm = {};
export const CUT: Arm = { scenario: 'funding-cut' };
export const CUT_LEVER = 'funding-cut.yaml: crisis and activity grants −30% from week 104';

/** A lever moved from `from` to `to` on top of the baseline (an arm equal to the baseline is simulated once). */
export function moved(path: string, from: number | string, to: number | string): Pick<Pattern, 'lever' | 'control' | 'treatment'> {
  return { lever: `${path} ${from} → ${to}`, control: { set: { [path]: from } }, treatment: { set: { [path]: to } } };
}

/** The funding cut against the baseline. */
export const cut = (): Pick<Pattern, 'lever' | 'control' | 'treatment'> => ({ lever: CUT_LEVER, control: BASELINE, treatment: CUT });
