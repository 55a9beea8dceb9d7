/**
 * The largest harms (and benefits) an option causes, found by a rule over the comparison rows, not
 * a fixed list:
 *  1. measures with a better direction (./measures.ts), over the comparison window;
 *  2. whose whole 95% interval of the paired difference lies on the worse side of zero (with at
 *     least MIN_N pairs);
 *  3. ranked by the size of the relative change, as a fold change |ln(option ÷ baseline)|, so a
 *     halving counts as much as a doubling; a move to or from zero ranks first;
 *  4. harms to people and services first, then harms to how the system works.
 */
import type { MetricName } from '../model/metrics.js';
import type { ComparisonRow } from './compare.js';
import { MEASURES, type Tier } from './measures.js';
import { direction, MIN_N } from './intervals.js';

export interface Move {
  row: ComparisonRow;
  metric: MetricName;
  tier: Tier;
  /** |ln(option ÷ baseline)|; Infinity for a move to or from zero. */
  fold: number;
}

/** Size of a relative change, symmetric in up and down. */
export function foldChange(from: number, to: number): number {
  if (from === to) return 0;
  if (from <= 0 || to <= 0) return Infinity;
  return Math.abs(Math.log(to / from));
}

/** Whether a row moved the better way ('better'), the worse way ('worse'), or not clearly. */
export function verdictOf(r: ComparisonRow): 'better' | 'worse' | undefined {
  const good = MEASURES[r.metric].good;
  if (!good || r.n < MIN_N) return undefined;
  const dir = direction(r.diffLow, r.diffHigh);
  if (dir === 'unclear') return undefined;
  return (dir === 'down') === (good === 'lower') ? 'better' : 'worse';
}

/** Every clear move of one kind for a scenario, ranked by the rule above. */
export function rankMoves(rows: ComparisonRow[], scenario: string, kind: 'better' | 'worse'): Move[] {
  const moves = rows.filter((r) => r.scenario === scenario && r.statistic === 'window_mean' && verdictOf(r) === kind)
    .map((r) => ({ row: r, metric: r.metric, tier: MEASURES[r.metric].tier ?? 'system', fold: foldChange(r.baseline, r.value) }));
  const tierRank = (t: Tier) => (t === 'people' ? 0 : 1);
  return moves.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || b.fold - a.fold || a.metric.localeCompare(b.metric));
}

export const harms = (rows: ComparisonRow[], scenario: string): Move[] => rankMoves(rows, scenario, 'worse');
export const benefits = (rows: ComparisonRow[], scenario: string): Move[] => rankMoves(rows, scenario, 'better');
