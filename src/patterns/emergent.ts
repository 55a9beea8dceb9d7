/**
 * Emergent patterns: claims of the paper about the system. The lever is not a term of the rule
 * that computes the metric (formula.ts lists where each metric is computed, and
 * tests/patterns/formula.test.ts checks the lever's parameter occurs in none of those modules);
 * `how` says in one line how the effect travels.
 */
import { BASELINE, CUT, WHOLE_RUN, cut, moved, type Arm, type Draft } from './types.js';

const YEAR_3 = { from: 105, to: 156 };
const LOW_TRUST: Arm = { set: { 'trust.initial': 0.2 } };
const HIGH_TRUST: Arm = { set: { 'trust.initial': 0.85 } };
const started = { lever: 'trust.initial 0.2 → 0.85', control: LOW_TRUST, treatment: HIGH_TRUST };
const need = () => moved('demand.level', 1, 1.4);

export const EMERGENT: Draft[] = [
  // A funding cut (U8), through closures, places, queues and pressure.
  { id: 'cut-raises-waitlists', ...cut(), rows: ['U8'], metric: 'waitlist_people', expected: 'up',
    claim: 'A funding cut raises the number of people waiting for a TSO',
    how: 'fewer funded places and closed TSOs → intake slows → the queue grows (each person counted once, however many lists they are on)' },
  { id: 'cut-raises-dropout', ...cut(), rows: ['U8'], metric: 'lost_clients', expected: 'up', window: WHOLE_RUN, statistic: 'sum',
    claim: 'A funding cut raises drop-out and non-attendance (total over the horizon)',
    how: 'fewer places → longer waits → more people give up before an offer, and those who start after a long wait, with CLWs under pressure, drop out more' },
  { id: 'cut-raises-dropout-rate', ...cut(), rows: ['U8'], metric: 'dropout_rate', expected: 'up',
    claim: 'A funding cut raises the share of programmes ending in drop-out',
    how: 'fewer places → longer waits and CLW pressure → starters who waited longer, fewer accompanied and followed up, more scattergun → more drop-out' },
  { id: 'cut-raises-gp', ...cut(), rows: ['U8'], metric: 'gp_attendances', expected: 'up', window: WHOLE_RUN, statistic: 'sum',
    claim: 'A funding cut raises GP attendance (total over the horizon)',
    how: 'closures send clients back, waits lengthen, more give up or drop out → more people live with need unmet (the higher GP rate), fewer after a completed programme' },
  { id: 'cut-raises-gp-rate', ...cut(), rows: ['U8'], metric: 'gp_per_client_year', expected: 'up',
    claim: 'A funding cut raises GP use per person, not only the count: through closures, displacement and giving up',
    how: 'closures displace clients, longer queues make more give up or drop out → a larger share of people are waiting or left with need unmet, fewer completed' },
  { id: 'cut-gives-up', ...cut(), rows: ['U8'], metric: 'gave_up', expected: 'up',
    claim: 'A funding cut makes more people give up waiting for a TSO',
    how: 'fewer places → the queue moves slower → more people reach the week they would give up before they are offered a place' },
  { id: 'vicious-1-waits-first', ...cut(), rows: ['U8'], metric: 'wait_weeks_mean', expected: 'up', window: YEAR_3,
    claim: 'Vicious circle, step 1: in the year after the cut, waits lengthen',
    how: 'fewer places → intake slows → those who start have waited longer' },
  { id: 'vicious-2-pressure', ...cut(), rows: ['U8', 'C3'], metric: 'clw_pressure_mean', expected: 'up', window: YEAR_3,
    claim: 'Vicious circle, step 2: CLWs hold waiting clients longer, so their pressure rises',
    how: 'longer TSO queues and referrals turned back by closed lists → CLWs hold their clients longer → caseloads, so pressure, rise' },
  { id: 'cut-erodes-trust', lever: 'funding-cut.yaml with funding.cutTrustShock 0 (the cut not read as inequitable)', control: BASELINE,
    treatment: { ...CUT, set: { 'funding.cutTrustShock': 0 } }, rows: ['U8'], metric: 'trust_mean', expected: 'down',
    claim: 'A funding cut erodes TSOs\' trust even when it is not read as inequitable, through what it does to referral practice',
    how: 'fewer places → longer waits and CLW pressure → fewer follow-ups and accompaniments, more scattergun and drop-out → fewer good signals, more bad → trust falls',
    exempt: {
      'mechanisms/funding.ts': 'funding.ts reads the multiplier for places and closures, and for the cut\'s direct trust shock, which is 0 in the treatment arm',
      'mechanisms/setup.ts': 'setup.ts reads the multiplier for the grants at week 0, 1 in both arms (the cut comes at week 104); it sets trust only to trust.initial',
    } },
  // Over-referral (U1) and scattergun (U4), through TSOs' queues.
  { id: 'over-referral-overloads', ...moved('practice.overReferral', 0.1, 0.5), rows: ['U1'], metric: 'waitlist_people', expected: 'up',
    claim: 'More over-referral overloads TSOs (more people waiting)',
    how: 'clients referred after one session, ready or not → more referrals into the same places → the queue grows' },
  { id: 'over-referral-waits', ...moved('practice.overReferral', 0.1, 0.5), rows: ['U1'], metric: 'wait_weeks_mean', expected: 'up',
    claim: 'More over-referral lengthens waits',
    how: 'more referrals into the same places → longer queues → starters have waited longer' },
  { id: 'scatter-duplicates', ...moved('practice.scatterShare', 0.13, 0.6), rows: ['U4'], metric: 'duplicate_referrals', expected: 'up',
    claim: 'More scattergun duplicates staff time',
    how: 'a client referred to several services is placed by the first offer → the others still reach that entry in their queues → staff time spent on someone already placed' },
  // Need (C1) loads CLWs: pressure (C3) emerges from caseloads, and handholding (F2) and follow-up (U3) fall.
  { id: 'need-pressure-handholding', ...need(), rows: ['C3', 'F2'], metric: 'handholding_share', expected: 'down',
    claim: 'Higher need loads CLWs, and under pressure they accompany fewer clients into services',
    how: 'more referrals → CLW caseloads (sessions, and clients held while they wait at TSOs) grow → pressure above the knee → fewer complex clients accompanied' },
  { id: 'need-pressure-followup', ...need(), rows: ['U3', 'C3'], metric: 'followup_share', expected: 'down',
    claim: 'Failure to follow up emerges from pressure: with higher need, CLWs follow up fewer referrals',
    how: 'more referrals → CLW caseloads grow → pressure above the knee → follow-up propensity falls' },
  { id: 'need-pressure-dropout', ...need(), rows: ['F2'], metric: 'dropout_rate', expected: 'up',
    claim: 'Higher need raises drop-out: CLWs under pressure accompany and follow up less, and waits lengthen',
    how: 'more referrals → CLW caseloads and TSO queues grow → fewer accompanied and followed up, more scattergun, longer waits → more drop-out' },
  { id: 'need-erodes-trust', ...need(), rows: ['U3'], metric: 'trust_mean', expected: 'down',
    claim: 'Higher need erodes TSOs\' trust: pressured CLWs follow up less, accompany less and scatter more',
    how: 'more referrals → CLW pressure → fewer follow-ups (good signals), complex clients left to come alone (blamed no-shows and drop-outs), more scattergun → trust falls' },
  { id: 'need-clw-waits', ...need(), rows: ['C3'], metric: 'clw_waitlist', expected: 'up',
    claim: 'Higher need moves the backlog upstream: more people wait for a first CLW session',
    how: 'more referrals than CLWs (and their teammates) with room can take on → CLW waiting lists grow' },
  { id: 'need-gp-rate', ...need(), rows: ['C1'], metric: 'gp_per_client_year', expected: 'up',
    claim: 'Higher need raises GP use per person, not only in total',
    how: 'more referrals → longer CLW and TSO queues and more drop-out → a larger share of people waiting or left with need unmet (the higher GP rate)' },
  // Trust (F3): the virtuous circle, and what trust does to drop-out and GP use.
  { id: 'virtuous-outperforms-dropout', ...started, rows: ['F3'], metric: 'dropout_rate', expected: 'down', window: YEAR_3,
    claim: 'Virtuous circle: a system started with high trust still has lower drop-out in its third year',
    how: 'high trust → more good signals from lower drop-out and refusals, read through trust → trust stays higher for years → clients placed with trusting TSOs drop out less' },
  { id: 'virtuous-outperforms-gp', ...started, rows: ['F3'], metric: 'gp_attendances', expected: 'down', window: WHOLE_RUN, statistic: 'sum',
    claim: 'Virtuous circle: the high-trust system has fewer GP attendances over the horizon',
    how: 'trust kept high → lower drop-out, more completions → more people with need met (the lower GP rate) → fewer GP visits' },
  { id: 'distrust-dropout', ...moved('trust.etaDown', 0.06, 0.12), rows: ['F3'], metric: 'dropout_rate', expected: 'up',
    claim: 'Where TSOs lose trust faster, clients placed with them drop out more: what trust then does to drop-out',
    how: 'bad weeks weigh more → trust settles lower → less joint working with the clients placed (trust is a term of their hazard) and fewer places stretched → more drop-out' },
  // Expertise (F5, C2), through the workforce's expertise and what it does to placements.
  { id: 'expertise-wellbeing', ...moved('clw.expertiseMean', 0.35, 0.75), rows: ['F5', 'C2'], metric: 'wellbeing_mean', expected: 'up',
    claim: 'Higher CLW expertise raises clients\' wellbeing',
    how: 'more experienced workforce (hires, learning, forgetting) → right kind of service more often, faster readiness → fewer drop-outs, larger gains on completion → wellbeing' },
  { id: 'expertise-gp-after', ...moved('clw.expertiseMean', 0.35, 0.75), rows: ['F5'], metric: 'gp_rate_after', expected: 'down',
    claim: 'Higher CLW expertise lowers GP use after clients leave',
    how: 'better-matched placements → more completed, well-fitting programmes → people leave with need met (GP rate falls with match quality)' },
  // Stable funding (F8), and breadth of known provision (U2).
  { id: 'investment-waitlists', ...moved('funding.multiplier.mh', 1, 1.3), rows: ['F8'], metric: 'waitlist_mh_people', expected: 'down',
    claim: 'More stable funding for mental-health TSOs shortens their waiting lists (people waiting)',
    how: 'more MH funding → more MH places → faster intake → fewer people waiting for MH' },
  { id: 'investment-waits', ...moved('funding.multiplier.mh', 1, 1.3), rows: ['F8'], metric: 'wait_weeks_mean', expected: 'down',
    claim: 'More stable funding for mental-health TSOs shortens waits',
    how: 'more MH places → the longest queue moves faster → starters have waited less' },
  { id: 'under-referral-fit', ...moved('clw.exploreProb', 0.15, 0.02), rows: ['U2', 'F4'], metric: 'fit_mean', expected: 'down',
    claim: 'Under-referral: CLWs who rely on familiar TSOs rather than exploring the full range place clients in worse-fitting services',
    how: 'CLWs rarely look beyond the services they know → their known sets settle smaller (discovery against forgetting) → fewer services of the kind needed to choose from → worse fit',
    exempt: { 'mechanisms/referral.ts': 'exploreProb decides whether a CLW who knows no service of the kind finds one, which joins its known set; the fit rule reads only how many it knows' } },
];
