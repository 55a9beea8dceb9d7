/**
 * Mechanism patterns: claims the paper states as a rule, written into the model as one. The lever
 * (or what it sets in one rule) is a term of the metric's formula, so the pattern checks that the
 * rule acts in the running system; `test` names the unit test beside the mechanism that checks the
 * rule itself, and `how` says which rule, where.
 */
import { CUT, YEAR_AFTER_CUT, cut, moved, type Draft } from './types.js';

const tests = (m: string) => `tests/model/${m}.test.ts`;
const CUT_NO_SHOCK = { ...CUT, set: { 'funding.cutTrustShock': 0 } };

export const RULES: Draft[] = [
  // Funding (U8, U6).
  { id: 'cut-closes-tsos', ...cut(), rows: ['U8'], metric: 'active_tsos', expected: 'down', test: tests('funding'),
    claim: 'A funding cut lowers the number of active TSOs', how: 'funding.ts: a TSO funded below its core cost burns its reserves, then closes' },
  { id: 'cut-lowers-trust', ...cut(), rows: ['U8'], metric: 'trust_mean', expected: 'down', test: tests('funding'),
    claim: 'A funding cut lowers TSO trust in the CLW service', how: 'funding.ts: a cut costs trust in proportion to its size (cutTrustShock); the part that travels through practice is cut-erodes-trust' },
  { id: 'inequitable-cut-trust', lever: 'funding.cutTrustShock 0 → 0.3, under the funding cut', control: CUT_NO_SHOCK, treatment: CUT,
    rows: ['U6'], metric: 'trust_mean', expected: 'down', window: YEAR_AFTER_CUT, test: tests('funding'),
    claim: 'A cut perceived as inequitable costs more trust than the same cut without that perception', how: 'funding.ts: cutTrustShock multiplies trust at a cut' },
  // Steps of the vicious circle after the cut that are rules of CLW practice.
  { id: 'vicious-3-less-handholding', ...cut(), rows: ['U8'], metric: 'handholding_share', expected: 'down', window: YEAR_AFTER_CUT, test: tests('clwWork'),
    claim: 'Vicious circle, step 3: pressure cuts handholding', how: 'clwWork.ts: handholding propensity falls linearly with pressure above the knee' },
  { id: 'vicious-4-more-scattergun', ...cut(), rows: ['U8'], metric: 'scatter_share', expected: 'up', window: { from: 105, to: 260 }, test: tests('referral'),
    claim: 'Vicious circle, step 4: long waits and pressure push scattergun referral (after the cut)',
    how: 'referral.ts: the scattergun chance has terms for the quoted wait above gamingWaitWeeks and for pressure above the knee' },
  // Scattergun (U4) and over-referral (U1), referral-count KPIs (U5, C4).
  { id: 'scatter-raises-waitlists', ...moved('practice.scatterShare', 0.13, 0.6), rows: ['U4'], metric: 'waitlist_total', expected: 'up', test: tests('measure'),
    claim: 'More scattergun raises the entries on TSOs\' waiting lists (referral links; the people waiting do not rise: docs/ODD.md)',
    how: 'measure.ts: waitlist_total counts each link of a k-way referral (in people, waitlist_people, scattergun does not raise the lists)' },
  { id: 'scatter-confusion-dropout', ...moved('practice.scatterShare', 0.13, 0.6), rows: ['U4'], metric: 'dropout_rate', expected: 'up', test: tests('engagement'),
    claim: 'More scattergun raises drop-out through confusion', how: 'engagement.ts: a fixed confusion term in the drop-out hazard of a client referred to several services' },
  { id: 'over-referral-trust', ...moved('practice.overReferral', 0.1, 0.5), rows: ['U1'], metric: 'trust_mean', expected: 'down', test: tests('referral'),
    claim: 'More over-referral lowers trust', how: 'referral.ts: a referral made before the client is ready is a bad trust signal' },
  { id: 'kpi-referral-counts-trust', ...moved('practice.kpiRegime', 'outcomes', 'referrals'), rows: ['U5', 'C4'], metric: 'trust_mean', expected: 'down', test: tests('clwWork'),
    claim: 'Monitoring on referral counts rather than outcomes lowers trust', how: 'clwWork.ts: the referral-count regime adds over-referral, and referral.ts reads an unready referral as a bad signal' },
  // Handholding (F2), readiness (F1, F6).
  { id: 'handholding-dropout', ...moved('clw.handholdingPerWeek', 0, 2), rows: ['F2'], metric: 'dropout_rate', expected: 'down', test: tests('engagement'),
    claim: 'More handholding lowers drop-out', how: 'engagement.ts: a complex client who came alone has a higher drop-out hazard' },
  { id: 'handholding-engagement', ...moved('clw.handholdingPerWeek', 0, 2), rows: ['F2'], metric: 'completions', expected: 'up', test: tests('engagement'),
    claim: 'More handholding sustains engagement (more completed programmes)',
    how: 'intake.ts and engagement.ts: an accompanied complex client is likelier to come and has the lower drop-out hazard; starts barely change, so completions follow those terms' },
  { id: 'readiness-dropout', lever: 'clw.readinessThreshold 0.5 → 0.85', rows: ['F1', 'F6'], metric: 'dropout_rate', expected: 'down', test: tests('engagement'),
    control: { set: { 'clw.readinessThreshold': 0.5, 'clw.caseloadCap': 60 } }, treatment: { set: { 'clw.readinessThreshold': 0.85, 'clw.caseloadCap': 60 } },
    claim: 'Longer CLW contact until clients are ready lowers drop-out (when CLWs have room for it: caseload cap 60 in both arms)',
    how: 'engagement.ts: (1 − readiness) is a term of the drop-out hazard; clwWork.ts: sessions raise readiness until the threshold' },
  // Expertise and knowledge of provision (F4, F5, F7, C2).
  { id: 'expertise-matching', ...moved('clw.expertiseMean', 0.35, 0.75), rows: ['F5', 'C2'], metric: 'placements_matched_share', expected: 'up', test: tests('referral'),
    claim: 'Higher CLW expertise raises well-matched placements', how: 'referral.ts: the chance of identifying the right kind of service is linear in expertise' },
  { id: 'full-range-matching', ...moved('clw.fitChoiceMax', 2, 8), rows: ['F4'], metric: 'fit_mean', expected: 'up', test: tests('referral'),
    claim: 'Considering the full range of provision, not a few favourites, gives better-fitting placements',
    how: 'referral.ts: fit is the best of the m services of the kind weighed, m = min(known, fitChoiceMax) (u^(1/m))' },
  { id: 'tso-employers-matching', ...moved('clw.tsoEmployedShare', 0, 1), rows: ['F7'], metric: 'fit_mean', expected: 'up', test: tests('referral'),
    claim: 'CLWs employed by TSOs (embedded) match clients better',
    how: 'setup.ts and referral.ts: employed CLWs know more services and find new ones more often, so fit is drawn from more' },
  // Follow-up (U3, F3), pressure (C3), managers (U7, C5).
  { id: 'followup-trust', ...moved('clw.followUpPropensity', 0.1, 0.6), rows: ['U3', 'F3'], metric: 'trust_mean', expected: 'up', test: tests('referral'),
    claim: 'More follow-up raises trust', how: 'referral.ts: a follow-up is a good trust signal' },
  { id: 'pressure-handholding', ...moved('clw.caseloadCap', 25, 12), rows: ['C3'], metric: 'handholding_share', expected: 'down', test: tests('clwWork'),
    claim: 'CLW pressure (smaller effective capacity) lowers handholding', how: 'clwWork.ts: pressure is caseload ÷ cap, and handholding propensity falls linearly with it above the knee' },
  { id: 'pressure-followup', ...moved('clw.caseloadCap', 25, 12), rows: ['C3'], metric: 'followup_share', expected: 'down', test: tests('clwWork'),
    claim: 'CLW pressure lowers follow-up', how: 'clwWork.ts: follow-up propensity falls linearly with pressure above the knee' },
  { id: 'managers-pressure', ...moved('clw.managementOverhead', 0.1, 0.5), rows: ['U7', 'C5'], metric: 'handholding_share', expected: 'down', test: tests('clwWork'),
    claim: 'Too many managers (matrix management) cuts CLW capacity and handholding', how: 'clwWork.ts: management overhead shrinks the effective caseload cap, so pressure rises and handholding falls' },
  // Need (C1) and trust (F3).
  { id: 'need-gp', ...moved('demand.level', 1, 1.4), rows: ['C1'], metric: 'gp_attendances', expected: 'up', test: tests('gp'),
    claim: 'Higher need (post-COVID) raises GP attendance', how: 'gp.ts: GP visits are a Poisson draw on the sum of per-client rates, so more clients, more visits' },
  { id: 'virtuous-keeps-trust', lever: 'trust.initial 0.2 → 0.85', control: { set: { 'trust.initial': 0.2 } }, treatment: { set: { 'trust.initial': 0.85 } },
    rows: ['F3'], metric: 'trust_mean', expected: 'up', test: tests('trust'),
    claim: 'Virtuous circle: a system started with high trust still has higher trust in year 5 than one started low',
    how: 'the lever sets the starting value of its own metric; trust.ts reads each week\'s signals through current trust (confirmation bias), so a gap closes slowly' },
];
