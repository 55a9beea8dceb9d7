/**
 * Counters of flows: this week's (reset at the start of each week, read by the metrics) and the
 * run's funnel of where clients went (RunResult.funnel, funnel.csv).
 */

/**
 * This week's flow counters, zeroed at the start of each week (reset). A class, not an object
 * literal: the second literal built from one site re-stores every field, and the code already
 * optimised for the first world's counters is thrown away when the next world is built
 * (bench/README.md, fifth pass). The sums of non-integers (fitSum, signalPos, signalNeg) are
 * declared NaN so that V8 makes them double fields from the first store; a field that held
 * small integers first and a fraction later changes the object's hidden class, with the same
 * effect. The constructor zeroes them.
 */
export class Week {
  arrivals = 0; rereferrals = 0; starts = 0; startsMatched = 0; fitSum = NaN; startWaitSum = 0; complexStarts = 0;
  accompanied = 0; completions = 0; dropouts = 0; gaveUp = 0; noShows = 0; clwGaveUp = 0; clwNoShows = 0;
  declined = 0; duplicates = 0; referrals = 0; referralLinks = 0; sessionsSum = 0; scatterReferrals = 0;
  followUps = 0; refused = 0; returned = 0; gpAttendances = 0; statutoryContacts = 0; signalPos = NaN;
  signalNeg = NaN; closures = 0; listClosures = 0; closedRefusals = 0; signposted = 0; emergencyReferrals = 0;
  clwListJoined = 0; clwListLeft = 0; clwListWaitSum = 0; tsoListJoined = 0; tsoListLeft = 0; tsoListWaitSum = 0;
  clwSessions = 0;

  constructor() {
    this.fitSum = this.signalPos = this.signalNeg = 0;
  }

  /** Every counter to 0: the start of a week. */
  reset(): void {
    for (const k of WEEK_KEYS) this[k] = 0;
  }
}

const WEEK_KEYS = Object.keys(new Week()) as Array<Exclude<keyof Week, 'reset'>>;

/** Cumulative per-run counters: the funnel of where clients went. */
export interface Funnel {
  referred_to_clw: number;
  rereferred_by_gp: number;
  gave_up_waiting_clw: number;
  did_not_attend_clw: number;
  seen_by_clw: number;
  seen_3plus: number;
  referred_to_tso: number;
  started_tso: number;
  completed: number;
  gave_up_waiting: number;
  did_not_attend: number;
  dropped_out: number;
  left_clw_before_referral: number;
  resolved_by_clw: number;
  no_service_found: number;
  returned_to_clw: number;
  in_system_end: number;
}
export const FUNNEL_KEYS: Array<keyof Funnel> = [
  'referred_to_clw', 'rereferred_by_gp', 'gave_up_waiting_clw', 'did_not_attend_clw', 'seen_by_clw', 'seen_3plus', 'referred_to_tso', 'started_tso', 'completed',
  'gave_up_waiting', 'did_not_attend', 'dropped_out', 'left_clw_before_referral', 'resolved_by_clw', 'no_service_found', 'returned_to_clw', 'in_system_end',
];

export function newFunnel(): Funnel {
  return Object.fromEntries(FUNNEL_KEYS.map((k) => [k, 0])) as unknown as Funnel;
}
