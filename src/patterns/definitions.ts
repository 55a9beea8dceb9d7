/**
 * The paper as an executable spec: each claim of the realist matrix (Table 2 of Allbutt et al.
 * 2025) as a paired experiment. The control arm is the baseline (or a stated variant); the
 * treatment moves one lever. Both arms use the same replication seeds, so their arrivals are
 * identical (common random numbers) and the paired difference carries little noise.
 * A pattern passes when the 95% interval of the paired difference lies on the expected side of 0.
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

/**
 * What a pattern proves. `mechanism`: it tests one rule written into the model (the lever is in
 * the formula of its metric); the rule also has a unit test beside its module. `emergent`: a
 * claim about the system; the lever is not in the metric's formula and `how` says, in one
 * line, how the effect gets there.
 */
export type PatternKind = 'emergent' | 'mechanism';

export interface Pattern {
  id: string;
  kind: PatternKind;
  /** Emergent: how the effect travels from lever to metric. Mechanism: the rule it checks, and where. */
  how?: string;
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
}

const CUT: Arm = { scenario: 'funding-cut' };
const cut = (id: string, metric: MetricName, expected: 'up' | 'down', claim: string, window?: Window, statistic?: Statistic): Draft => ({
  id, claim, rows: ['U8'], lever: 'funding-cut.yaml: crisis and activity grants −30% from week 104', control: {}, treatment: CUT, metric, expected, window, statistic,
});
const lever = (id: string, rows: MatrixRow[], path: string, from: number | string, to: number | string, metric: MetricName, expected: 'up' | 'down', claim: string): Draft => ({
  id, claim, rows, lever: `${path} ${from} → ${to}`, control: { set: { [path]: from } }, treatment: { set: { [path]: to } }, metric, expected,
});
const LOW_TRUST: Arm = { set: { 'trust.initial': 0.2 } };
const HIGH_TRUST: Arm = { set: { 'trust.initial': 0.85 } };

type Draft = Omit<Pattern, 'kind' | 'how'>;

const DRAFTS: Draft[] = [
  // A funding cut raises waiting lists, drop-out and GP attendance, and lowers active TSOs and trust (U8, F8).
  cut('cut-raises-waitlists', 'waitlist_people', 'up', 'A funding cut raises the number of people waiting for a TSO'),
  cut('cut-raises-dropout', 'lost_clients', 'up', 'A funding cut raises drop-out and non-attendance (total over the horizon)', WHOLE_RUN, 'sum'),
  cut('cut-raises-dropout-rate', 'dropout_rate', 'up', 'A funding cut raises the share of programmes ending in drop-out'),
  cut('cut-raises-gp', 'gp_attendances', 'up', 'A funding cut raises GP attendance (total over the horizon)', WHOLE_RUN, 'sum'),
  cut('cut-closes-tsos', 'active_tsos', 'down', 'A funding cut lowers the number of active TSOs'),
  cut('cut-lowers-trust', 'trust_mean', 'down', 'A funding cut lowers TSO trust in the CLW service'),
  // The vicious circle, visible in the trajectories: cuts → waits → pressure → less handholding, more scattergun → more waits.
  cut('vicious-1-waits-first', 'wait_weeks_mean', 'up', 'Vicious circle, step 1: in the year after the cut, waits lengthen', { from: 105, to: 156 }),
  cut('vicious-2-pressure', 'clw_pressure_mean', 'up', 'Vicious circle, step 2: CLWs hold waiting clients longer, so pressure rises', { from: 105, to: 156 }),
  cut('vicious-3-less-handholding', 'handholding_share', 'down', 'Vicious circle, step 3: pressure cuts handholding', { from: 105, to: 156 }),
  cut('vicious-4-more-scattergun', 'scatter_share', 'up', 'Vicious circle, step 4: long waits and pressure push scattergun referral', { from: 105, to: 156 }),
  // Scattergun (U4).
  lever('scatter-raises-waitlists', ['U4'], 'practice.scatterShare', 0.1, 0.6, 'waitlist_total', 'up', 'More scattergun raises the entries on TSOs\' waiting lists (referral links; the people waiting do not rise: docs/ODD.md)'),
  lever('scatter-duplicates', ['U4'], 'practice.scatterShare', 0.1, 0.6, 'duplicate_referrals', 'up', 'More scattergun duplicates staff time'),
  lever('scatter-confusion-dropout', ['U4'], 'practice.scatterShare', 0.1, 0.6, 'dropout_rate', 'up', 'More scattergun raises drop-out through confusion'),
  // Over-referral (U1) and referral-count KPIs (U5, C4).
  lever('over-referral-overloads', ['U1'], 'practice.overReferral', 0.1, 0.5, 'waitlist_people', 'up', 'More over-referral overloads TSOs (more people waiting)'),
  lever('over-referral-waits', ['U1'], 'practice.overReferral', 0.1, 0.5, 'wait_weeks_mean', 'up', 'More over-referral lengthens waits'),
  lever('over-referral-trust', ['U1'], 'practice.overReferral', 0.1, 0.5, 'trust_mean', 'down', 'More over-referral lowers trust'),
  lever('kpi-referral-counts-trust', ['U5', 'C4'], 'practice.kpiRegime', 'outcomes', 'referrals', 'trust_mean', 'down', 'Monitoring on referral counts rather than outcomes lowers trust'),
  // Handholding (F2).
  lever('handholding-dropout', ['F2'], 'clw.handholdingPerWeek', 0, 4, 'dropout_rate', 'down', 'More handholding lowers drop-out'),
  lever('handholding-engagement', ['F2'], 'clw.handholdingPerWeek', 0, 4, 'completions', 'up', 'More handholding sustains engagement (more completed programmes)'),
  // Expertise (F5, C2).
  lever('expertise-matching', ['F5', 'C2'], 'clw.expertiseMean', 0.3, 0.8, 'placements_matched_share', 'up', 'Higher CLW expertise raises well-matched placements'),
  lever('expertise-wellbeing', ['F5', 'C2'], 'clw.expertiseMean', 0.3, 0.8, 'wellbeing_mean', 'up', 'Higher CLW expertise raises wellbeing'),
  lever('expertise-gp', ['F5', 'C2'], 'clw.expertiseMean', 0.3, 0.8, 'gp_attendances', 'down', 'Higher CLW expertise lowers GP attendance'),
  // Follow-up (U3, F3).
  lever('followup-trust', ['U3', 'F3'], 'clw.followUpPropensity', 0.2, 0.9, 'trust_mean', 'up', 'More follow-up raises trust'),
  // Pressure (C3).
  lever('pressure-handholding', ['C3'], 'clw.caseloadCap', 40, 15, 'handholding_share', 'down', 'CLW pressure (smaller effective capacity) lowers handholding'),
  lever('pressure-followup', ['C3'], 'clw.caseloadCap', 40, 15, 'followup_share', 'down', 'CLW pressure lowers follow-up'),
  lever('managers-pressure', ['U7', 'C5'], 'clw.managementOverhead', 0, 0.5, 'handholding_share', 'down', 'Too many managers (matrix management) cuts CLW capacity and handholding'),
  // Breadth of known provision (F4, U2), employment by TSOs (F7), readiness before referral (F1, F6).
  lever('full-range-matching', ['F4'], 'clw.fitChoiceMax', 2, 16, 'fit_mean', 'up', 'Considering the full range of provision, not a few favourites, gives better-fitting placements'),
  lever('under-referral-fit', ['U2'], 'clw.exploreProb', 0.5, 0.02, 'fit_mean', 'down', 'Under-referral: CLWs who rely on familiar TSOs rather than exploring the full range place clients in worse-fitting services'),
  lever('tso-employers-matching', ['F7'], 'clw.tsoEmployedShare', 0, 1, 'fit_mean', 'up', 'CLWs employed by TSOs (embedded) match clients better'),
  {
    id: 'readiness-dropout', rows: ['F1', 'F6'], claim: 'Longer CLW contact until clients are ready lowers drop-out (when CLWs have room for it: caseload cap 60 in both arms)',
    lever: 'clw.readinessThreshold 0.5 → 0.85', control: { set: { 'clw.readinessThreshold': 0.5, 'clw.caseloadCap': 60 } },
    treatment: { set: { 'clw.readinessThreshold': 0.85, 'clw.caseloadCap': 60 } }, metric: 'dropout_rate', expected: 'down',
  },
  // Stable funding (F8) and need (C1).
  lever('investment-waitlists', ['F8'], 'funding.multiplier.mh', 1, 1.3, 'waitlist_mh_people', 'down', 'More stable funding for mental-health TSOs shortens their waiting lists (people waiting)'),
  lever('need-gp', ['C1'], 'demand.level', 1, 1.4, 'gp_attendances', 'up', 'Higher need (post-COVID) raises GP attendance'),
  // Inequitable partnerships (U6): the same cut, seen as inequitable or not.
  {
    id: 'inequitable-cut-trust', claim: 'A cut perceived as inequitable costs more trust than the same cut without that perception', rows: ['U6'],
    lever: 'funding.cutTrustShock 0 → 0.3, under the funding cut', control: { scenario: 'funding-cut', set: { 'funding.cutTrustShock': 0 } },
    treatment: { scenario: 'funding-cut', set: { 'funding.cutTrustShock': 0.3 } }, metric: 'trust_mean', expected: 'down', window: { from: 105, to: 156 },
  },
  // The virtuous circle is self-reinforcing: same resources, different starting trust.
  {
    id: 'virtuous-keeps-trust', claim: 'Virtuous circle: a system started with high trust still has higher trust in year 5 than one started low', rows: ['F3'],
    lever: 'trust.initial 0.2 → 0.85', control: LOW_TRUST, treatment: HIGH_TRUST, metric: 'trust_mean', expected: 'up',
  },
  {
    id: 'virtuous-outperforms-dropout', claim: 'Virtuous circle: the high-trust system keeps lower drop-out in year 5', rows: ['F3'],
    lever: 'trust.initial 0.2 → 0.85', control: LOW_TRUST, treatment: HIGH_TRUST, metric: 'dropout_rate', expected: 'down',
  },
  {
    id: 'virtuous-outperforms-gp', claim: 'Virtuous circle: the high-trust system has fewer GP attendances over the horizon', rows: ['F3'],
    lever: 'trust.initial 0.2 → 0.85', control: LOW_TRUST, treatment: HIGH_TRUST, metric: 'gp_attendances', expected: 'down', window: WHOLE_RUN, statistic: 'sum',
  },
];

/**
 * Patterns whose lever sits in the formula of their metric: each checks one rule of the model
 * (where it is set, in brackets), not an emergent property of the system.
 */
const MECHANISM: Record<string, string> = {
  'cut-closes-tsos': 'funding.ts: a TSO funded below its core cost burns reserves, then closes',
  'cut-lowers-trust': 'funding.ts: a cut costs trust in proportion to its size (cutTrustShock)',
  'vicious-3-less-handholding': 'clwWork.ts: handholding propensity is linear in pressure',
  'vicious-4-more-scattergun': 'referral.ts: scattergun probability rises with the quoted wait and pressure',
  'scatter-raises-waitlists': 'metrics.ts: waitlist_total counts each link of a k-way referral (in people, waitlist_people, scattergun does not raise the lists)',
  'scatter-confusion-dropout': 'engagement.ts: a fixed confusion term in the drop-out hazard',
  'over-referral-trust': 'referral.ts: an unready referral is a bad trust signal',
  'kpi-referral-counts-trust': 'clwWork.ts: the KPI regime adds over-referral, a bad trust signal',
  'handholding-dropout': 'engagement.ts: not being accompanied is a term of the drop-out hazard',
  'expertise-matching': 'referral.ts: matching accuracy is linear in expertise',
  'followup-trust': 'referral.ts: a follow-up is a good trust signal',
  'pressure-handholding': 'clwWork.ts: handholding propensity is linear in pressure',
  'pressure-followup': 'clwWork.ts: follow-up propensity is linear in pressure',
  'managers-pressure': 'clwWork.ts: management overhead shrinks the caseload cap, so pressure, so handholding',
  'full-range-matching': 'referral.ts: fit is the best of the m services weighed, m = min(known, fitChoiceMax) (u^(1/m)); knowing more at the start fades as known sets settle (learning.ts), so the lever is how many a CLW weighs',
  'tso-employers-matching': 'world.ts/referral.ts: employed CLWs know more services, so fit is drawn from more',
  'readiness-dropout': 'engagement.ts: (1 − readiness) is a term of the drop-out hazard',
  'need-gp': 'lifecycle.ts: GP visits are the sum of per-client rates, so more clients, more visits',
  'inequitable-cut-trust': 'funding.ts: cutTrustShock multiplies trust at a cut',
  'virtuous-keeps-trust': 'the lever sets the starting value of its own metric',
};

/** How each emergent pattern's effect travels from the lever to its metric. */
const TRAVELS: Record<string, string> = {
  'cut-raises-waitlists': 'fewer funded places → intake slows → more people waiting (counted once each, however many lists they are on)',
  'cut-raises-dropout': 'fewer places → longer waits → more people give up, miss first sessions and drop out',
  'cut-raises-dropout-rate': 'fewer places → longer waits and CLW pressure → less handholding, more scattergun → higher drop-out',
  'cut-raises-gp': 'closures and longer waits → need unmet for longer and fewer completions → more GP visits',
  'vicious-1-waits-first': 'fewer places → intake slows → those who start have waited longer',
  'vicious-2-pressure': 'longer waits → CLWs hold waiting clients longer → caseload and pressure rise',
  'scatter-duplicates': 'more multi-referral → a client placed at one TSO is still reached by the others → wasted contacts',
  'over-referral-overloads': 'unready clients referred after one session → more referrals into lists → lists grow',
  'over-referral-waits': 'more referrals into the same places → longer queues → longer waits',
  'handholding-engagement': 'accompanied clients come and stay → more programmes run to the end, within the places there are',
  'expertise-wellbeing': 'better matches → fewer drop-outs and larger gains on completion → higher wellbeing',
  'expertise-gp': 'better matches → more completed, well-fitting programmes → lower GP use after them',
  'under-referral-fit': 'CLWs rarely look beyond the services they know → their known sets settle smaller (discovery balanced by forgetting, learning.ts) → fewer services of the kind needed to choose from → worse personal fit',
  'investment-waitlists': 'more MH funding → more MH places → faster intake → fewer people waiting for MH',
  'virtuous-outperforms-dropout': 'high trust → fewer refusals, lower drop-out, more good signals → trust stays high → drop-out stays low',
  'virtuous-outperforms-gp': 'high trust → lower drop-out and more completions → need met → fewer GP visits',
};

export const PATTERNS: Pattern[] = DRAFTS.map((d) =>
  MECHANISM[d.id] !== undefined ? { ...d, kind: 'mechanism', how: MECHANISM[d.id] } : { ...d, kind: 'emergent', how: TRAVELS[d.id] });
