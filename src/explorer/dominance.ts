/**
 * Which feedback loop "dominates now": a documented rule of thumb (docs/students.md), applied
 * week by week in the worker so that every week counts, however many weeks the page skips.
 *
 * A loop is named only when it clearly leads:
 *  - not before week FROM_WEEK (link strengths are smoothed over about five weeks and a run
 *    starts from an empty system, so early scores say more about the start than about the loops);
 *  - its score is at least MIN_SCORE (all of its links are acting, at least weakly); and
 *  - it leads the runner-up by at least MARGIN.
 * A named loop keeps its name while it stays on top, even if its lead narrows, so the name does
 * not flicker at the margin; it loses it when another loop overtakes it or its score drops below
 * MIN_SCORE. Then no loop is named until one clearly leads again.
 */
import { LOOPS } from './loops.js';

export const FROM_WEEK = 13;
export const MIN_SCORE = 0.2;
export const MARGIN = 0.05;

/** Loop indices by score, highest first (ties: the order of LOOPS). */
const ranked = (score: ArrayLike<number>) => LOOPS.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);

export class Dominance {
  /** Index in LOOPS of the loop that clearly leads, or -1. */
  leader = -1;

  update(score: ArrayLike<number>, week: number): number {
    const [top, next] = ranked(score) as [number, number];
    const clear = week >= FROM_WEEK && score[top]! >= MIN_SCORE && score[top]! - score[next]! >= MARGIN;
    if (clear) this.leader = top;
    else if (this.leader !== top || score[top]! < MIN_SCORE) this.leader = -1;
    return this.leader;
  }
}

const named = (i: number, score: ArrayLike<number>) => `${LOOPS[i]!.id} ${LOOPS[i]!.name} (${score[i]!.toFixed(2)})`;

/** One line for students: the leading loop and its story, or why none is named. */
export function dominanceText(score: ArrayLike<number>, leader: number, week: number): string {
  const [top, next] = ranked(score) as [number, number];
  if (leader >= 0) {
    const l = LOOPS[leader]!;
    return `${l.id} ${l.name} dominates now (score ${score[leader]!.toFixed(2)}; next ${named(next, score)}): ${l.story}.`;
  }
  if (week < FROM_WEEK) return `No loop is named before week ${FROM_WEEK}: the link strengths are still settling from the start of the run.`;
  if (score[top]! < MIN_SCORE) return `No loop is running strongly: every score is below ${MIN_SCORE.toFixed(2)} (highest ${named(top, score)}).`;
  return `No loop clearly leads: ${named(top, score)} and ${named(next, score)} are close (a loop is named when it leads by ${MARGIN.toFixed(2)} or more).`;
}
