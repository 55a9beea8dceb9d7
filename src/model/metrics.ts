/**
 * Step 11. Metrics: pure functions of the world, read after the week's mechanisms. Collecting
 * them never draws a random number or changes state. Each has an exact definition and unit.
 */
import { WEEKS_PER_YEAR } from './params.js';
import { type World, S, NTYPES, TYPE_INDEX } from './world.js';
import { caseload } from './mechanisms/clwWork.js';

export interface MetricDef { name: string; unit: string; definition: string }

export const METRICS = [
  { name: 'trust_mean', unit: '0..1', definition: 'Mean trust in the CLW service over open TSOs, end of week' },
  { name: 'waitlist_total', unit: 'entries', definition: 'Entries on all open TSO waiting lists, end of week; a client referred to k services counts k times (duplicates included until each TSO reaches them)' },
  { name: 'waitlist_mh', unit: 'entries', definition: 'Entries on mental-health TSO waiting lists, end of week' },
  { name: 'wait_weeks_mean', unit: 'weeks', definition: 'Mean weeks waited by clients who started at a TSO this week (0 when nobody started)' },
  { name: 'dropouts', unit: 'clients/week', definition: 'Clients who dropped out of a TSO programme after starting, this week' },
  { name: 'dropout_rate', unit: 'share', definition: 'Drop-outs ÷ (drop-outs + completions) this week (0 when neither happened)' },
  { name: 'gp_attendances', unit: 'consultations/week', definition: 'GP consultations this week by clients in the system or within the observation window after leaving it' },
  { name: 'active_tsos', unit: 'TSOs', definition: 'TSOs open at the end of the week' },
  { name: 'clw_caseload_mean', unit: 'clients', definition: 'Mean CLW caseload: clients in sessions plus clients held while waiting at a TSO' },
  { name: 'handholding_share', unit: 'share', definition: 'Share of complex clients offered a first TSO session this week who were accompanied by their CLW (0 when none)' },
  { name: 'duplicate_referrals', unit: 'contacts/week', definition: 'Waiting-list contacts this week with clients already placed elsewhere or gone (duplicated staff time)' },
  { name: 'wellbeing_mean', unit: '0..1', definition: 'Mean wellbeing of clients in the system or observed after leaving' },
  { name: 'placements_matched_share', unit: 'share', definition: 'Share of this week\'s TSO starts at a service of the kind the client needed (0 when none started)' },
  { name: 'fit_mean', unit: '0..1', definition: 'Mean match quality of this week\'s TSO starts: the right kind of service (1, else mismatchFit) times how well it fits the person (0.5-1); 0 when none started' },
  { name: 'gave_up', unit: 'clients/week', definition: 'Clients who gave up while waiting for a TSO this week' },
  { name: 'lost_clients', unit: 'clients/week', definition: 'Drop-out and non-attendance: clients who dropped out after starting, gave up while waiting, or did not come to a first session, this week' },
  { name: 'completions', unit: 'clients/week', definition: 'Clients who completed a TSO programme this week' },
  { name: 'starts', unit: 'clients/week', definition: 'Clients who started at a TSO this week' },
  { name: 'arrivals', unit: 'clients/week', definition: 'New GP referrals to CLWs this week, re-referrals included' },
  { name: 'referrals', unit: 'referrals/week', definition: 'Onward referral decisions by CLWs this week (a scattergun decision counts once)' },
  { name: 'scatter_share', unit: 'share', definition: 'Share of this week\'s referral decisions made to several services at once' },
  { name: 'followup_share', unit: 'share', definition: 'Share of this week\'s referral decisions followed up with the TSO' },
  { name: 'refused_referrals', unit: 'referrals/week', definition: 'Referrals turned back by a TSO as outside its remit this week' },
  { name: 'clw_waitlist', unit: 'clients', definition: 'Clients waiting for a first CLW session, end of week' },
  { name: 'clients_in_system', unit: 'clients', definition: 'Clients waiting for or with a CLW, waiting at or engaged with a TSO' },
  { name: 'statutory_contacts', unit: 'contacts/week', definition: 'Other statutory contacts (A&E, social work, police) this week' },
  { name: 'clw_expertise_mean', unit: '0..1', definition: 'Mean expertise of active CLWs' },
  { name: 'clw_pressure_mean', unit: 'ratio', definition: 'Mean CLW pressure: caseload ÷ effective caseload cap' },
  { name: 'collab_index', unit: 'share', definition: 'Share of open TSOs whose trust is above the collaboration threshold (joint work, innovation)' },
  { name: 'places_total', unit: 'places', definition: 'Places for CLW clients across open TSOs' },
  { name: 'good_signal_share', unit: 'share', definition: 'Share of this week\'s trust signals at open TSOs that were good (appropriate referrals, follow-ups, completions), before any bias' },
  { name: 'referral_links', unit: 'referrals/week', definition: 'Referrals to TSOs made this week, each service of a scattergun referral counted' },
  { name: 'sessions_mean', unit: 'sessions', definition: 'Mean CLW sessions before referral of clients referred on this week (0 when none)' },
  { name: 'tso_grants', unit: '£/week', definition: 'Grant funding paid to open TSOs this week (annual funding ÷ 52); closed TSOs receive none' },
] as const satisfies readonly MetricDef[];

export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES: MetricName[] = METRICS.map((m) => m.name);

export const TYPE_FIELDS = ['open', 'places', 'filled', 'waitlist', 'wait_weeks_mean', 'full_share'] as const;
export type TypeField = (typeof TYPE_FIELDS)[number];

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Every metric for the week just simulated, in METRIC_NAMES order. */
export function measure(w: World, out: Float64Array): void {
  const { tsos: t, clws: k, wk } = w;
  let open = 0, trust = 0, wait = 0, waitMh = 0, places = 0, collab = 0, grants = 0;
  const mh = TYPE_INDEX.mh;
  for (let j = 0; j < t.n; j++) {
    if (!t.open[j]) continue;
    open++;
    trust += t.trust[j]!;
    wait += t.waitN[j]!;
    if (t.type[j] === mh) waitMh += t.waitN[j]!;
    places += t.places[j]!;
    grants += t.funding[j]! / WEEKS_PER_YEAR;
    if (t.trust[j]! > w.p.trust.collabThreshold) collab++;
  }
  const nActive = Math.min(w.p.clw.count, k.n);
  let load = 0, expertise = 0, pressure = 0, clwWait = 0;
  for (let i = 0; i < k.n; i++) {
    clwWait += k.waitN[i]!;
    if (i >= nActive) continue;
    load += caseload(w, i);
    expertise += k.expertise[i]!;
    pressure += k.pressure[i]!;
  }
  const sc = w.stateCount;
  const observed = sc[S.WAIT_CLW]! + sc[S.WITH_CLW]! + sc[S.WAIT_TSO]! + sc[S.ENGAGED]! + sc[S.EXITED]!;
  const v = [
    ratio(trust, open), wait, waitMh, ratio(wk.startWaitSum, wk.starts), wk.dropouts,
    ratio(wk.dropouts, wk.dropouts + wk.completions), wk.gpAttendances, open, ratio(load, nActive),
    ratio(wk.accompanied, wk.complexStarts), wk.duplicates, ratio(w.wellbeingSum, observed),
    ratio(wk.startsMatched, wk.starts), ratio(wk.fitSum, wk.starts), wk.gaveUp, wk.dropouts + wk.gaveUp + wk.noShows, wk.completions, wk.starts, wk.arrivals + wk.rereferrals,
    wk.referrals, ratio(wk.scatterReferrals, wk.referrals), ratio(wk.followUps, wk.referrals), wk.refused,
    clwWait, observed - sc[S.EXITED]!, wk.statutoryContacts, ratio(expertise, nActive), ratio(pressure, nActive),
    ratio(collab, open), places, ratio(wk.signalPos, wk.signalPos + wk.signalNeg), wk.referralLinks, ratio(wk.sessionsSum, wk.referrals), grants,
  ];
  for (let m = 0; m < v.length; m++) out[m] = v[m]!;
}

/** Per TSO type: open, places, places filled, waiting list, mean wait of starters, share full. */
export function measureTypes(w: World, out: Float64Array[]): void {
  const t = w.tsos;
  for (let ti = 0; ti < NTYPES; ti++) {
    let open = 0, places = 0, filled = 0, wait = 0, starts = 0, waitSum = 0, full = 0;
    const ids = w.tsoByType[ti]!;
    for (let m = 0; m < ids.length; m++) {
      const j = ids[m]!;
      if (!t.open[j]) continue;
      open++;
      places += t.places[j]!;
      filled += t.engaged[j]! + t.phantom[j]!;
      wait += t.waitN[j]!;
      starts += t.starts[j]!;
      waitSum += t.startWaitSum[j]!;
      if (t.engaged[j]! + t.phantom[j]! >= t.places[j]!) full++;
    }
    const o = out[ti]!;
    o[0] = open; o[1] = places; o[2] = filled; o[3] = wait; o[4] = ratio(waitSum, starts); o[5] = ratio(full, open);
  }
}
