/**
 * Where each metric an emergent pattern judges is computed: the modules (under src/model) whose
 * code holds its formula, i.e. the rule that decides each event it counts (a hazard, a curve, a
 * propensity, a signal and its weight) or that updates the quantity it reads, besides metrics.ts
 * and measure.ts, which read it. tests/patterns/formula.test.ts checks that an emergent pattern's
 * lever occurs in none of them (unless the pattern exempts a module and says why), and that
 * every module writing a weekly counter the metric reads is listed.
 *
 * A queue's length has no formula but its count: people joining and leaving (referral, intake,
 * giving up, closures) are its flows, through which a lever travels, not its formula.
 */
import type { MetricName } from '../model/metrics.js';

const M = (name: string) => `mechanisms/${name}.ts`;

export interface Formula {
  modules: string[];
  /** The formula in words. */
  note: string;
}

export const METRIC_FORMULA: Partial<Record<MetricName, Formula>> = {
  waitlist_people: { modules: ['lifecycle.ts'], note: 'people in the waiting-for-a-TSO state, counted as states change (a queue)' },
  waitlist_mh_people: { modules: ['lifecycle.ts'], note: 'people waiting at mental-health TSOs, counted as states change (a queue)' },
  clw_waitlist: { modules: [], note: 'people on CLWs\' waiting lists (a queue)' },
  wait_weeks_mean: { modules: [M('engagement')], note: 'weeks since joining the list of those who started this week (startEngagement)' },
  gave_up: { modules: [M('waiting')], note: 'give-up weeks drawn from the waiting curve S(w) when a person joins a list' },
  lost_clients: { modules: [M('engagement'), M('waiting'), M('intake')], note: 'drop-outs (hazard), give-ups (waiting curve), no-shows (first-session attendance)' },
  dropout_rate: { modules: [M('engagement')], note: 'drop-outs ÷ endings; each drawn from the drop-out hazard fixed at the start' },
  completions: { modules: [M('engagement')], note: 'endings drawn from the drop-out hazard that reach the programme\'s end' },
  gp_attendances: { modules: [M('gp'), 'lifecycle.ts'], note: 'Poisson on Σ per-client rates (gpRateOf: state, match quality, wellbeing)' },
  gp_per_client_year: { modules: [M('gp'), 'lifecycle.ts'], note: 'GP attendances ÷ people observed' },
  gp_rate_after: { modules: ['lifecycle.ts'], note: 'mean gpRateOf of people observed after leaving' },
  wellbeing_mean: {
    modules: ['lifecycle.ts', M('engagement'), M('waiting'), M('intake'), M('referral'), M('demand'), 'prepopulate.ts'],
    note: 'mean wellbeing; set at referral, raised by a completion or a CLW\'s own help with match quality, lowered by drop-out, giving up or not coming',
  },
  trust_mean: {
    modules: [M('trust'), M('funding'), M('setup'), M('referral'), M('intake'), M('engagement'), M('clwWork')],
    note: 'trust moved towards the week\'s share of good signals read through trust (trust.ts); signals from referrals and follow-ups (referral.ts, with the follow-up propensity of clwWork.ts), duplicates and no-shows (intake.ts), completions and drop-outs (engagement.ts); the starting value (setup.ts) and the cut shock (funding.ts)',
  },
  clw_pressure_mean: { modules: [M('clwWork')], note: 'caseload ÷ effective cap' },
  handholding_share: { modules: [M('intake'), M('clwWork')], note: 'accompanied ÷ complex clients offered a first session; the propensity falls with pressure' },
  followup_share: { modules: [M('referral'), M('clwWork')], note: 'referral decisions followed up; the propensity falls with pressure and depends on trust' },
  duplicate_referrals: { modules: [M('intake')], note: 'list entries reached at intake whose person is already placed or gone' },
  fit_mean: { modules: [M('engagement'), M('referral')], note: 'match quality at the start: right kind or not, times the best of the services of the kind the CLW knows' },
};
