/**
 * Calibration statistics: model outputs comparable with published figures, computed from a
 * baseline's replications over the weeks after the warm-up.
 */
import type { RunResult } from '../model/simulate.js';
import { TSO_TYPES, WEEKS_PER_YEAR } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { statistic } from '../scenario/stats.js';

/** Sum / mean of a weekly series from index `from` (0-based: the warm-up length) to its end. */
const sum = (a: Float64Array, from: number) => statistic(a, { from: from + 1, to: a.length }, 'sum');
const mean = (a: Float64Array, from: number) => statistic(a, { from: from + 1, to: a.length }, 'mean');
/** Mean over the weeks after warm-up of a TSO type's weekly mean wait of starters. */
const typeWait = (r: RunResult, t: (typeof TSO_TYPES)[number], from: number) => mean(r.tsoTypes[t].wait_weeks_mean, from);

export type CalStat = (r: RunResult, s: Scenario) => number;

export const CAL_STATS: Record<string, { unit: string; definition: string; fn: CalStat }> = {
  referrals_per_clw_year: { unit: 'referrals/CLW/year', definition: 'GP referrals to CLWs (re-referrals included) per CLW per year', fn: (r, s) => (mean(r.metrics.arrivals, s.warmup) * WEEKS_PER_YEAR) / s.params.clw.count },
  sessions_before_referral: { unit: 'sessions', definition: 'Mean CLW sessions before an onward referral (weighted by referrals)', fn: (r, s) => {
    let w = 0, n = 0;
    for (let i = s.warmup; i < r.weeks; i++) { w += r.metrics.sessions_mean[i]! * r.metrics.referrals[i]!; n += r.metrics.referrals[i]!; }
    return n > 0 ? w / n : NaN;
  } },
  declined_share: { unit: 'share', definition: 'Clients seen by a CLW who left before being referred on (whole run, funnel)', fn: (r) => r.funnel.left_clw_before_referral / Math.max(1, r.funnel.seen_by_clw) },
  links_per_referral: { unit: 'links/referral', definition: 'Referrals to TSOs (each service counted) per GP referral to a CLW', fn: (r, s) => sum(r.metrics.referral_links, s.warmup) / Math.max(1, sum(r.metrics.arrivals, s.warmup)) },
  completion_share: { unit: 'share', definition: 'Completions ÷ (completions + drop-outs after starting)', fn: (r, s) => {
    const c = sum(r.metrics.completions, s.warmup), d = sum(r.metrics.dropouts, s.warmup);
    return c / Math.max(1, c + d);
  } },
  uptake_share: { unit: 'share', definition: 'Clients referred on to a TSO who started at one (whole run, funnel)', fn: (r) => r.funnel.started_tso / Math.max(1, r.funnel.referred_to_tso) },
  crisis_wait_weeks: { unit: 'weeks', definition: 'Mean weeks waited by clients starting at crisis TSOs', fn: (r, s) => typeWait(r, 'crisis', s.warmup) },
  mh_wait_weeks: { unit: 'weeks', definition: 'Mean weeks waited by clients starting at mental-health TSOs', fn: (r, s) => typeWait(r, 'mh', s.warmup) },
  mh_wait_minus_longest_other: { unit: 'weeks', definition: 'Mental-health wait minus the longest wait of any other kind of TSO', fn: (r, s) => typeWait(r, 'mh', s.warmup) - Math.max(...TSO_TYPES.filter((t) => t !== 'mh').map((t) => typeWait(r, t, s.warmup))) },
  engagements_per_referral: { unit: 'sessions/referral', definition: 'CLW sessions per GP referral to a CLW (re-referrals included; people who never came count 0): Σ clw_sessions ÷ Σ arrivals over the weeks after warm-up', fn: (r, s) => sum(r.metrics.clw_sessions, s.warmup) / Math.max(1, sum(r.metrics.arrivals, s.warmup)) },
  caseload_people_per_clw: { unit: 'people', definition: 'Mean people on a CLW\'s books at once (in sessions, or held while waiting at a TSO), over the weeks after warm-up', fn: (r, s) => mean(r.metrics.clw_caseload_people, s.warmup) },
  gp_after_before_ratio: { unit: 'ratio', definition: 'GP consultation rate of people observed after leaving ÷ that of people waiting for a CLW (the year after vs the year before a referral), means over the weeks after warm-up', fn: (r, s) => mean(r.metrics.gp_rate_after, s.warmup) / mean(r.metrics.gp_rate_before, s.warmup) },
  gp_rate_per_client_year: { unit: 'consultations/client/year', definition: 'GP consultations per client-year among clients in the system or observed after leaving (whole run)', fn: (r) => (sum(r.metrics.gp_attendances, 0) / Math.max(1, r.clientWeeks)) * WEEKS_PER_YEAR },
};
