/**
 * Initial conditions near the stationary state, so a run starts where its mechanisms balance
 * rather than drifting there through the warm-up (issue 11: a baseline that holds still).
 * Pure functions of the parameters and a random stream; the setup (mechanisms/setup.ts) and
 * turnover (mechanisms/learning.ts) use them.
 */
import { type Params, WEEKS_PER_YEAR } from './params.js';
import type { Draws } from './rng.js';

const clampE = (p: Params, e: number) => Math.min(p.clw.expertiseCeiling, Math.max(p.clw.expertiseFloor, e));

/** Expertise of a new hire (turnover, headcount growth, the initial workforce before experience). */
export const hireExpertise = (p: Params, d: Draws): number => clampE(p, d.normal(p.clw.expertiseMean, p.clw.expertiseSd));

/** Share of client episodes that end with need unmet and may bring a GP re-referral (Evidence §4: completion ≈ 50% of starters). */
const UNMET_SHARE = 0.5;

/**
 * Client episodes a CLW sees through per week in a steady state: new referrals, plus GP
 * re-referrals of the roughly half whose need is left unmet, each of which comes back with
 * probability rereferralProb: a geometric series.
 */
export const outcomesPerClwWeek = (p: Params): number =>
  (p.demand.referralsPerClwWeek * p.demand.level) / (1 - UNMET_SHARE * Math.min(1, p.demand.rereferralProb));

/** Episodes a CLW sees (the person came to a first session) per week in that steady state. */
export const seenPerClwWeek = (p: Params): number => outcomesPerClwWeek(p) * p.clw.firstSessionAttendP0;

/** GP re-referrals per CLW-week at the start: new referrals × share left with need unmet × rereferralProb. */
export const rereferralsPerClwWeek = (p: Params): number => p.demand.referralsPerClwWeek * p.demand.level * UNMET_SHARE * Math.min(1, p.demand.rereferralProb);

/** Expected expertise after `weeks` in post of a CLW hired at `hired` (learning.ts: dE = g(1 − e) − φe). */
export function expertiseAtTenure(p: Params, hired: number, weeks: number): number {
  const g = p.clw.learningRate * seenPerClwWeek(p);
  const phi = p.clw.forgettingPerYear / WEEKS_PER_YEAR;
  if (g + phi <= 0) return hired;
  const eInf = g / (g + phi);
  return clampE(p, eInf + (hired - eInf) * Math.exp(-(g + phi) * weeks));
}

/** A CLW of the initial workforce: tenure drawn from the stationary Exp(λ) distribution (u uniform). */
export function initialExpertise(p: Params, d: Draws, u: number): number {
  const lambda = p.clw.turnoverPerYear / WEEKS_PER_YEAR;
  const weeks = lambda > 0 ? -Math.log(1 - u) / lambda : Number.POSITIVE_INFINITY;
  return expertiseAtTenure(p, hireExpertise(p, d), weeks);
}
