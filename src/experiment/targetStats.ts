/**
 * Statistics comparable with published figures, computed from a run's outputs over the weeks
 * after the warm-up: calibration targets (scenarios/calibration/targets.yaml) and validation
 * figures kept out of them (validation.yaml).
 *
 * Each says what it is. `output`: it emerges from mechanisms meeting each other (queues, capacity,
 * trust, pressure, learning), named in `emerges` (SCHEDULE ids) with one line of how (`why`);
 * such a statistic may be a target. `input`: an algebraic restatement of the parameters in
 * `restates` (a target on it would constrain nothing the parameter's provenance does not already
 * say); never a target, at most a cross-check. `reads`: the only parameters the function itself
 * reads (a denominator, a programme length); a test holds each function to it.
 */
import type { RunResult } from '../model/simulate.js';
import { TSO_TYPES, WEEKS_PER_YEAR } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import type { MetricName } from '../model/metrics.js';
import { statistic } from '../scenario/stats.js';

/** Sum / mean of a weekly series from index `from` (0-based: the warm-up length) to its end. */
const sum = (a: Float64Array, from: number) => statistic(a, { from: from + 1, to: a.length }, 'sum');
const mean = (a: Float64Array, from: number) => statistic(a, { from: from + 1, to: a.length }, 'mean');
/** Sum of a metric over the weeks after warm-up. */
const total = (r: RunResult, s: Scenario, m: MetricName) => sum(r.metrics[m], s.warmup);
/** Mean over the weeks after warm-up of a TSO type's weekly mean wait of starters. */
const typeWait = (r: RunResult, t: (typeof TSO_TYPES)[number], from: number) => mean(r.tsoTypes[t].wait_weeks_mean, from);
/** CLW-years in the weeks after warm-up (the headcount a scenario sets). */
const clwYears = (r: RunResult, s: Scenario) => (s.params.clw.count * (r.weeks - s.warmup)) / WEEKS_PER_YEAR;

export type CalStat = (r: RunResult, s: Scenario) => number;

export interface CalStatDef {
  unit: string;
  definition: string;
  fn: CalStat;
  kind: 'output' | 'input';
  /** The mechanisms (SCHEDULE ids) whose interaction produces it. */
  emerges: string[];
  /** How it emerges (output) or what it restates (input), in one line. */
  why: string;
  /** For an input statistic: the parameters it restates. */
  restates?: string[];
  /** The parameters the function reads, if any. */
  reads?: string[];
}

const WAITS = ['arrivals', 'referral', 'intake', 'overload', 'engagement', 'giveUps', 'funding'];
const waitWhy = 'the queue where referrals (chosen on quoted waits, scattergun) meet places (funding × trust), emptied by completions, drop-outs, giving up and closed lists';

export const CAL_STATS: Record<string, CalStatDef> = {
  referrals_per_clw_year: { unit: 'referrals/CLW/year', definition: 'GP referrals to CLWs (re-referrals included) per CLW per year',
    fn: (r, s) => total(r, s, 'arrivals') / clwYears(r, s), kind: 'input', emerges: ['arrivals', 'exits'], reads: ['clw.count'],
    restates: ['demand.referralsPerClwWeek', 'demand.level'], why: '52 × referralsPerClwWeek × level, plus GP re-referrals (about 15%)' },
  sessions_before_referral: { unit: 'sessions', definition: 'Mean CLW sessions before an onward referral (weighted by referrals)', fn: (r, s) => {
    let w = 0, n = 0;
    for (let i = s.warmup; i < r.weeks; i++) { w += r.metrics.sessions_mean[i]! * r.metrics.referrals[i]!; n += r.metrics.referrals[i]!; }
    return n > 0 ? w / n : NaN;
  }, kind: 'input', emerges: ['sessions'], restates: ['clw.sessionGain', 'clw.readinessThreshold', 'demand.readinessMin', 'demand.readinessMax'],
  why: '⌈(readinessThreshold − readiness) ÷ (sessionGain × (0.5 + expertise))⌉, 1 when over-referred' },
  declined_share: { unit: 'share', definition: 'Clients seen by a CLW who left before being referred on (whole run, funnel)',
    fn: (r) => r.funnel.left_clw_before_referral / Math.max(1, r.funnel.seen_by_clw), kind: 'input', emerges: ['sessions'],
    restates: ['clw.declineProb', 'clw.declineRefSessions'], why: '1 − (1 − h)^(n − 1) over course lengths n, with h set from declineProb' },
  uptake_share: { unit: 'share', definition: 'Clients referred on to a TSO who started at one (whole run, funnel)',
    fn: (r) => r.funnel.started_tso / Math.max(1, r.funnel.referred_to_tso), kind: 'input', emerges: ['intake', 'giveUps'],
    restates: ['waiting.attendP0', 'waiting.waitLogitSlope'], why: 'attendP0 × S(wait): both curves are set from the same 81% uptake' },
  gp_rate_per_client_year: { unit: 'consultations/client/year', definition: 'GP consultations per client-year among clients in the system or observed after leaving (whole run)',
    fn: (r) => (sum(r.metrics.gp_attendances, 0) / Math.max(1, r.clientWeeks)) * WEEKS_PER_YEAR, kind: 'input', emerges: ['gp'],
    restates: ['gp.baseRatePerYear'], why: 'baseRatePerYear × mean propensity × state and wellbeing multipliers near 1' },
  people_seen_per_clw_year: { unit: 'people/CLW/year', definition: 'People who came to a first CLW session per CLW per year: CLW-list leavers less those who gave up waiting or did not come',
    fn: (r, s) => (total(r, s, 'clw_list_leavers') - total(r, s, 'clw_lost') + total(r, s, 'declined')) / clwYears(r, s), kind: 'input',
    emerges: ['arrivals', 'sessions', 'giveUps'], reads: ['clw.count'], restates: ['demand.referralsPerClwWeek', 'clw.firstSessionAttendP0'],
    why: 'the referral rate times the first-session attendance (few give up waiting for a CLW)' },
  links_per_referral: { unit: 'links/referral', definition: 'Referrals to TSOs (each service counted) per GP referral to a CLW',
    fn: (r, s) => total(r, s, 'referral_links') / Math.max(1, total(r, s, 'arrivals')), kind: 'output',
    emerges: ['sessions', 'referral', 'intake', 'overload', 'pressure', 'giveUps'],
    why: 'who reaches a referral (attrition before and between sessions), scattergun gaming on the waits TSOs quote and on CLW pressure, retries after refusals and closed lists' },
  completion_share: { unit: 'share', definition: 'Completions ÷ (completions + drop-outs after starting)', fn: (r, s) => {
    const c = total(r, s, 'completions'), d = total(r, s, 'dropouts');
    return c / Math.max(1, c + d);
  }, kind: 'output', emerges: ['engagement', 'referral', 'intake', 'pressure', 'trust', 'turnover'],
  why: 'the base hazard is one term; match quality (expertise), waits, confusion (scattergun), readiness, handholding under pressure, follow-up and TSO trust are states the system reaches' },
  crisis_wait_weeks: { unit: 'weeks', definition: 'Mean weeks waited by clients starting at crisis TSOs',
    fn: (r, s) => typeWait(r, 'crisis', s.warmup), kind: 'output', emerges: WAITS, why: waitWhy },
  mh_wait_weeks: { unit: 'weeks', definition: 'Mean weeks waited by clients starting at mental-health TSOs',
    fn: (r, s) => typeWait(r, 'mh', s.warmup), kind: 'output', emerges: WAITS, why: waitWhy },
  mh_wait_minus_longest_other: { unit: 'weeks', definition: 'Mental-health wait minus the longest wait of any other kind of TSO',
    fn: (r, s) => typeWait(r, 'mh', s.warmup) - Math.max(...TSO_TYPES.filter((t) => t !== 'mh').map((t) => typeWait(r, t, s.warmup))),
    kind: 'output', emerges: WAITS, why: `four such queues, each ${waitWhy}` },
  engagements_per_referral: { unit: 'sessions/referral', definition: 'CLW sessions per GP referral to a CLW (re-referrals included; people who never came count 0): Σ clw_sessions ÷ Σ arrivals over the weeks after warm-up',
    fn: (r, s) => total(r, s, 'clw_sessions') / Math.max(1, total(r, s, 'arrivals')), kind: 'output',
    emerges: ['sessions', 'pressure', 'giveUps', 'turnover', 'exits'],
    why: 'course lengths follow the CLW\'s expertise (where learning, forgetting and turnover balance), attrition before and between sessions, over-referral and needs the CLW meets alone' },
  caseload_people_per_clw: { unit: 'people', definition: 'Mean people on a CLW\'s books at once (in sessions, or held while waiting at a TSO), over the weeks after warm-up',
    fn: (r, s) => mean(r.metrics.clw_caseload_people, s.warmup), kind: 'output', emerges: ['sessions', 'referral', 'intake', 'giveUps', 'overload'],
    why: 'people in sessions plus people held while they wait at TSOs: course lengths and TSO queues' },
  gp_after_before_ratio: { unit: 'ratio', definition: 'GP consultation rate of people observed after leaving ÷ that of people waiting for a CLW (the year after vs the year before a referral), means over the weeks after warm-up',
    fn: (r, s) => mean(r.metrics.gp_rate_after, s.warmup) / mean(r.metrics.gp_rate_before, s.warmup), kind: 'output',
    emerges: ['gp', 'engagement', 'referral', 'intake', 'giveUps', 'sessions'],
    why: 'the mix of ways people leave (completed, and how well matched; dropped out; gave up; never referred on) and their wellbeing after' },
  gp_avoided_per_clw_year: { unit: 'consultations/CLW/year', definition: 'GP consultations a year avoided per CLW: (rate of people waiting for a CLW − rate of people after leaving) × people referred per CLW-year, for one year after each',
    fn: (r, s) => (mean(r.metrics.gp_rate_before, s.warmup) - mean(r.metrics.gp_rate_after, s.warmup)) * (total(r, s, 'arrivals') / clwYears(r, s)),
    kind: 'output', emerges: ['gp', 'engagement', 'referral', 'intake', 'giveUps', 'arrivals'], reads: ['clw.count'],
    why: 'the after/before fall in GP use (see gp_after_before_ratio) times the people a CLW sees through' },
  crisis_clients_per_tso_year: { unit: 'people/TSO/year', definition: 'CLW clients a crisis TSO supports a year: places filled × 52 ÷ programme weeks, per open crisis TSO (drop-outs make the true count a little higher)',
    fn: (r, s) => (mean(r.tsoTypes.crisis.filled, s.warmup) * WEEKS_PER_YEAR) / s.params.tso.programmeWeeks.crisis / Math.max(1e-9, mean(r.tsoTypes.crisis.open, s.warmup)),
    kind: 'output', emerges: ['funding', 'intake', 'referral', 'trust', 'engagement'], reads: ['tso.programmeWeeks.crisis'],
    why: 'places (funding × trust) kept full by the referrals CLWs choose to send there' },
  lists_closed_share: { unit: 'share', definition: 'Mean share of open TSOs whose list is closed to routine referrals',
    fn: (r, s) => mean(r.metrics.lists_closed_share, s.warmup), kind: 'output', emerges: ['overload', 'intake', 'referral', 'giveUps'],
    why: 'a TSO closes when its forecast wait (list ÷ offers) passes a threshold: queues against places' },
  handholding_share: { unit: 'share', definition: 'Mean share of complex clients offered a first TSO session who were accompanied',
    fn: (r, s) => mean(r.metrics.handholding_share, s.warmup), kind: 'output', emerges: ['pressure', 'sessions', 'referral', 'intake'],
    why: 'handholding falls with CLW pressure, which comes from caseloads of people in sessions and held while they wait' },
  tso_closed_share_first_year: { unit: 'share', definition: 'Share of the TSOs open when the warm-up\'s last week begins (where the bundled cuts fall) that closed in the 52 weeks from it: a cut\'s first year',
    fn: (r, s) => {
      // active_tsos[i] is the end of week i + 1; a cut at week `warmup` acts from that week's step
      const at = r.metrics.active_tsos[s.warmup - 2]!, after = r.metrics.active_tsos[Math.min(r.weeks, s.warmup + 51) - 1]!;
      return at > 0 ? (at - after) / at : NaN;
    }, kind: 'output', emerges: ['funding', 'interventions'], why: 'a TSO closes when its funding stays below its core cost for longer than its reserves last' },
};
