/**
 * Step 11. Metrics: what a run reports each week. Each has an exact definition, a unit, the
 * realist-matrix rows whose outcomes it observes, and its value, read from the week's tally
 * (measure.ts): pure functions of the world, collected after the week's mechanisms, never
 * drawing a random number or changing state.
 */
import type { MatrixRow } from './matrix.js';
import type { Week } from './world.js';
import { WEEKS_PER_YEAR } from './params.js';

/** Sums over open TSOs, active CLWs and client states, gathered in one pass a week (measure.ts). */
export interface Tally {
  open: number; // open TSOs
  trust: number; // Σ trust of open TSOs
  waitlist: number; // Σ waiting-list entries at open TSOs
  waitlistMh: number; // the same, mental-health TSOs
  waitPeople: number; // people waiting at one or more TSOs
  waitPeopleMh: number; // the same, at mental-health TSOs
  listsClosed: number; // open TSOs whose list is closed to routine referrals
  places: number;
  collab: number; // open TSOs with trust above the collaboration threshold
  grants: number; // £ paid this week
  clws: number; // active CLWs
  caseload: number; // Σ caseload of active CLWs
  caseloadPeople: number; // Σ people in sessions or held while waiting at a TSO, active CLWs
  gpRateWaitingClw: number; // Σ weekly GP rates of people waiting for a CLW
  waitingClw: number; // people waiting for a CLW (all lists)
  gpRateExited: number; // Σ weekly GP rates of people observed after leaving
  exited: number; // people observed after leaving
  expertise: number;
  pressure: number;
  clwWaitlist: number; // clients waiting for a first CLW session (every CLW's list)
  inSystem: number; // clients waiting for or with a CLW, waiting at or engaged with a TSO
  observed: number; // inSystem plus exited clients still observed
  wellbeing: number; // Σ wellbeing of observed clients
}

export interface MetricDef {
  name: string;
  unit: string;
  rows: readonly MatrixRow[];
  definition: string;
  value: (s: Tally, wk: Week) => number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export const METRICS = [
  { name: 'trust_mean', unit: '0..1', rows: ['F3', 'U1', 'U2', 'U3', 'U5', 'U6', 'U8', 'C4'], value: (s) => ratio(s.trust, s.open),
    definition: 'Mean trust in the CLW service over open TSOs, end of week' },
  { name: 'waitlist_total', unit: 'referral links', rows: ['F8', 'U1', 'U4', 'U8'], value: (s) => s.waitlist,
    definition: 'Entries (referral links) on all open TSO waiting lists, end of week: a person referred to k services counts k times, and an entry stays until that TSO reaches it, even when the person was placed elsewhere; the work TSOs see, not the people waiting (waitlist_people)' },
  { name: 'waitlist_people', unit: 'people', rows: ['F8', 'U1', 'U4', 'U8'], value: (s) => s.waitPeople,
    definition: 'People waiting for a place at one or more open TSOs, end of week: each person once, however many services they were referred to' },
  { name: 'waitlist_mh', unit: 'referral links', rows: ['F8', 'U8'], value: (s) => s.waitlistMh,
    definition: 'Entries (referral links) on mental-health TSO waiting lists, end of week (as waitlist_total)' },
  { name: 'waitlist_mh_people', unit: 'people', rows: ['F8', 'U8'], value: (s) => s.waitPeopleMh,
    definition: 'People waiting for a place at one or more mental-health TSOs, end of week' },
  { name: 'wait_weeks_mean', unit: 'weeks', rows: ['F8', 'U1', 'U8'], value: (_, wk) => ratio(wk.startWaitSum, wk.starts),
    definition: 'Mean weeks waited by the people who started at a TSO this week (0 when nobody started): the wait of those who got a place; those who gave up or did not come are in tso_wait_weeks_mean' },
  { name: 'tso_wait_weeks_mean', unit: 'weeks', rows: ['F8', 'U1', 'U8'], value: (_, wk) => ratio(wk.tsoListWaitSum, wk.tsoListLeft),
    definition: 'Mean weeks on TSO waiting lists of the people who left them this week, whichever way (started, did not come, gave up, went back to their CLW); 0 when nobody left. Over a steady window, waitlist_people ≈ tso_list_leavers × this (Little\'s law), when both are averaged as Σ waits ÷ Σ leavers' },
  { name: 'tso_list_leavers', unit: 'people/week', rows: ['F8', 'U8'], value: (_, wk) => wk.tsoListLeft,
    definition: 'People who left TSO waiting lists this week, whichever way (the flow tso_wait_weeks_mean averages over)' },
  { name: 'dropouts', unit: 'clients/week', rows: ['F2', 'U4', 'U8'], value: (_, wk) => wk.dropouts,
    definition: 'Clients who dropped out of a TSO programme after starting, this week' },
  { name: 'dropout_rate', unit: 'share', rows: ['F1', 'F2', 'F3', 'F6', 'U4', 'U8'], value: (_, wk) => ratio(wk.dropouts, wk.dropouts + wk.completions),
    definition: 'Drop-outs ÷ (drop-outs + completions) this week (0 when neither happened)' },
  { name: 'gp_attendances', unit: 'consultations/week', rows: ['F3', 'F5', 'U8', 'C1', 'C2'], value: (_, wk) => wk.gpAttendances,
    definition: 'GP consultations this week by clients in the system or within the observation window after leaving it' },
  { name: 'active_tsos', unit: 'TSOs', rows: ['F8', 'U8', 'C6'], value: (s) => s.open,
    definition: 'TSOs open at the end of the week' },
  { name: 'clw_caseload_mean', unit: 'clients', rows: ['C3'], value: (s) => ratio(s.caseload, s.clws),
    definition: 'Mean CLW caseload: clients in sessions plus clients held while waiting at a TSO' },
  { name: 'handholding_share', unit: 'share', rows: ['F2', 'U7', 'U8', 'C3', 'C5'], value: (_, wk) => ratio(wk.accompanied, wk.complexStarts),
    definition: 'Share of complex clients offered a first TSO session this week who were accompanied by their CLW (0 when none)' },
  { name: 'duplicate_referrals', unit: 'contacts/week', rows: ['U4', 'U8'], value: (_, wk) => wk.duplicates,
    definition: 'Waiting-list contacts this week with clients already placed elsewhere or gone (duplicated staff time)' },
  { name: 'wellbeing_mean', unit: '0..1', rows: ['F1', 'F5', 'C2'], value: (s) => ratio(s.wellbeing, s.observed),
    definition: 'Mean wellbeing of clients in the system or observed after leaving' },
  { name: 'placements_matched_share', unit: 'share', rows: ['F5', 'C2'], value: (_, wk) => ratio(wk.startsMatched, wk.starts),
    definition: 'Share of this week\'s TSO starts at a service of the kind the client needed (0 when none started)' },
  { name: 'fit_mean', unit: '0..1', rows: ['F4', 'F5', 'F7', 'U2'], value: (_, wk) => ratio(wk.fitSum, wk.starts),
    definition: 'Mean match quality of this week\'s TSO starts: the right kind of service (1, else mismatchFit) times how well it fits the person (personalFitMin-1); 0 when none started' },
  { name: 'gave_up', unit: 'clients/week', rows: ['U4', 'U8'], value: (_, wk) => wk.gaveUp,
    definition: 'Clients who gave up while waiting for a TSO this week' },
  { name: 'lost_clients', unit: 'clients/week', rows: ['F2', 'U4', 'U8'], value: (_, wk) => wk.dropouts + wk.gaveUp + wk.noShows,
    definition: 'Drop-out and non-attendance: clients who dropped out after starting, gave up while waiting, or did not come to a first session, this week' },
  { name: 'completions', unit: 'clients/week', rows: ['F2'], value: (_, wk) => wk.completions,
    definition: 'Clients who completed a TSO programme this week' },
  { name: 'starts', unit: 'clients/week', rows: ['F8', 'U8'], value: (_, wk) => wk.starts,
    definition: 'Clients who started at a TSO this week' },
  { name: 'arrivals', unit: 'clients/week', rows: ['C1', 'C8'], value: (_, wk) => wk.arrivals + wk.rereferrals,
    definition: 'New GP referrals to CLWs this week, re-referrals included' },
  { name: 'referrals', unit: 'referrals/week', rows: ['U1', 'U5', 'C4'], value: (_, wk) => wk.referrals,
    definition: 'Onward referral decisions by CLWs this week (a scattergun decision counts once)' },
  { name: 'scatter_share', unit: 'share', rows: ['U4', 'U8', 'C3'], value: (_, wk) => ratio(wk.scatterReferrals, wk.referrals),
    definition: 'Share of this week\'s referral decisions made to several services at once' },
  { name: 'followup_share', unit: 'share', rows: ['U3', 'C3'], value: (_, wk) => ratio(wk.followUps, wk.referrals),
    definition: 'Share of this week\'s referral decisions followed up with the TSO' },
  { name: 'refused_referrals', unit: 'referrals/week', rows: ['F3', 'U1'], value: (_, wk) => wk.refused,
    definition: 'Referrals turned back by a TSO as outside its remit this week' },
  { name: 'clw_waitlist', unit: 'people', rows: ['C3'], value: (s) => s.clwWaitlist,
    definition: 'People waiting for a first CLW session, end of week: referrals booked for a later week (clw.firstSessionLeadWeeks) and those waiting because their CLW and its team are full' },
  { name: 'clw_wait_weeks_mean', unit: 'weeks', rows: ['C3'], value: (_, wk) => ratio(wk.clwListWaitSum, wk.clwListLeft),
    definition: 'Mean weeks on a CLW waiting list of the people who left it this week (a first session offered, or gave up); 0 when nobody left. Over a steady window, clw_waitlist ≈ clw_list_leavers × this (Little\'s law)' },
  { name: 'clw_list_leavers', unit: 'people/week', rows: ['C3'], value: (_, wk) => wk.clwListLeft,
    definition: 'People who left CLW waiting lists this week: offered a first session (whether or not they came) or gave up' },
  { name: 'clw_lost', unit: 'people/week', rows: ['F1', 'F6', 'C3'], value: (_, wk) => wk.clwGaveUp + wk.clwNoShows + wk.declined,
    definition: 'People lost before a TSO referral this week: gave up waiting for a CLW, did not come to the first CLW session, or stopped coming between sessions (need unmet; resolved clients are not counted)' },
  { name: 'clw_no_shows', unit: 'people/week', rows: ['F1', 'F2'], value: (_, wk) => wk.clwNoShows,
    definition: 'People who did not come to the first CLW session they were offered, this week' },
  { name: 'declined', unit: 'people/week', rows: ['F6'], value: (_, wk) => wk.declined,
    definition: 'People who stopped coming to their CLW between sessions, before being referred on, this week' },
  { name: 'clients_in_system', unit: 'clients', rows: ['C1'], value: (s) => s.inSystem,
    definition: 'Clients waiting for or with a CLW, waiting at or engaged with a TSO' },
  { name: 'statutory_contacts', unit: 'contacts/week', rows: ['U8', 'C1'], value: (_, wk) => wk.statutoryContacts,
    definition: 'Other statutory contacts (A&E, social work, police) this week' },
  { name: 'clw_expertise_mean', unit: '0..1', rows: ['F5', 'C2'], value: (s) => ratio(s.expertise, s.clws),
    definition: 'Mean expertise of active CLWs' },
  { name: 'clw_caseload_people', unit: 'people', rows: ['C3'], value: (s) => ratio(s.caseloadPeople, s.clws),
    definition: 'Mean people on an active CLW\'s books at the end of the week: in sessions, or referred on and held while they wait at a TSO (each counted once, unlike clw_caseload_mean)' },
  { name: 'clw_sessions', unit: 'sessions/week', rows: ['F1', 'F6'], value: (_, wk) => wk.clwSessions,
    definition: 'CLW sessions of the courses begun this week (a course counted in the week it begins, with the sessions the person will come to)' },
  { name: 'gp_rate_before', unit: 'consultations/person/year', rows: ['C1', 'C8'], value: (s) => ratio(s.gpRateWaitingClw, s.waitingClw) * WEEKS_PER_YEAR,
    definition: 'Expected GP consultations per person-year of the people waiting for a CLW at the end of the week (their rate when referred: the "year before" of an evaluation)' },
  { name: 'gp_rate_after', unit: 'consultations/person/year', rows: ['F5', 'U8'], value: (s) => ratio(s.gpRateExited, s.exited) * WEEKS_PER_YEAR,
    definition: 'Expected GP consultations per person-year of the people observed after leaving (within gp.observeWeeks), at the end of the week' },
  { name: 'clw_pressure_mean', unit: 'ratio', rows: ['U7', 'U8', 'C3', 'C5'], value: (s) => ratio(s.pressure, s.clws),
    definition: 'Mean CLW pressure: caseload ÷ effective caseload cap' },
  { name: 'collab_index', unit: 'share', rows: ['F3'], value: (s) => ratio(s.collab, s.open),
    definition: 'Share of open TSOs whose trust is above the collaboration threshold (joint work, innovation)' },
  { name: 'places_total', unit: 'places', rows: ['F3', 'F8', 'U8'], value: (s) => s.places,
    definition: 'Places for CLW clients across open TSOs' },
  { name: 'good_signal_share', unit: 'share', rows: ['F3', 'U1', 'U3', 'U4'], value: (_, wk) => ratio(wk.signalPos, wk.signalPos + wk.signalNeg),
    definition: 'Share of this week\'s trust signals at open TSOs that were good (appropriate referrals, follow-ups, completions), before any bias' },
  { name: 'referral_links', unit: 'referrals/week', rows: ['U4'], value: (_, wk) => wk.referralLinks,
    definition: 'Referrals to TSOs made this week, each service of a scattergun referral counted' },
  { name: 'sessions_mean', unit: 'sessions', rows: ['F6', 'U1', 'U5'], value: (_, wk) => ratio(wk.sessionsSum, wk.referrals),
    definition: 'Mean CLW sessions before referral of clients referred on this week (0 when none)' },
  { name: 'gp_per_client_year', unit: 'consultations/person/year', rows: ['F5', 'U8', 'C1'], value: (s, wk) => ratio(wk.gpAttendances, s.observed) * WEEKS_PER_YEAR,
    definition: 'GP consultations this week per person observed (clients in the system and those within the observation window after leaving), times 52: gp_attendances as a rate' },
  { name: 'lists_closed_share', unit: 'share', rows: ['U1', 'U4', 'U8'], value: (s) => ratio(s.listsClosed, s.open),
    definition: 'Share of open TSOs whose list is closed to routine referrals at the end of the week (overload.ts)' },
  { name: 'closed_list_refusals', unit: 'referral links/week', rows: ['U1', 'U4', 'U8'], value: (_, wk) => wk.closedRefusals,
    definition: 'Referrals turned back this week because the TSO\'s list was closed' },
  { name: 'signposted', unit: 'referral links/week', rows: ['F3', 'U1'], value: (_, wk) => wk.signposted,
    definition: 'Referrals a TSO with a closed list passed on this week to another open service of the same kind (counted also in closed_list_refusals)' },
  { name: 'emergency_referrals', unit: 'referrals/week', rows: ['U1', 'U8'], value: (_, wk) => wk.emergencyReferrals,
    definition: 'Referral decisions this week for people in crisis (wellbeing below tso.emergencyWellbeing), who go on TSOs\' emergency lists' },
  { name: 'tso_grants', unit: '£/week', rows: ['F8', 'U8'], value: (s) => s.grants,
    definition: 'Grant funding paid to open TSOs this week (annual funding ÷ 52); closed TSOs receive none' },
] as const satisfies readonly MetricDef[];

export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES: MetricName[] = METRICS.map((m) => m.name);

/** Sums over the open TSOs of one type (measure.ts). */
export interface TypeTally {
  open: number;
  places: number;
  filled: number; // places taken right after intake: engaged clients plus redundant second places
  waitlist: number;
  waitPeople: number;
  trust: number; // Σ trust
  starts: number;
  startWaitSum: number;
  full: number; // open TSOs with no place left for their list right after intake
}

export interface TypeMetricDef { name: string; unit: string; definition: string; value: (s: TypeTally) => number }

/** Per TSO type, each week (tso_types.csv). */
export const TYPE_METRICS = [
  { name: 'open', unit: 'TSOs', definition: 'TSOs of this type open at the end of the week', value: (s) => s.open },
  { name: 'places', unit: 'places', definition: 'Places for CLW clients at open TSOs of this type', value: (s) => s.places },
  { name: 'filled', unit: 'places', definition: 'Places taken right after this week\'s intake (before completions and drop-outs free any): engaged clients plus redundant second places (scattergun)', value: (s) => s.filled },
  { name: 'waitlist', unit: 'referral links', definition: 'Entries on the waiting lists of open TSOs of this type, end of week (a k-way referral counts k times)', value: (s) => s.waitlist },
  { name: 'waitlist_people', unit: 'people', definition: 'People waiting for a place at TSOs of this type, end of week (each once)', value: (s) => s.waitPeople },
  { name: 'wait_weeks_mean', unit: 'weeks', definition: 'Mean weeks waited by clients who started at a TSO of this type this week (0 when none)', value: (s) => ratio(s.startWaitSum, s.starts) },
  { name: 'full_share', unit: 'share', definition: 'Share of open TSOs of this type with no place left for their list right after this week\'s intake (every place taken or lost to duplicate contacts); 0 when none open', value: (s) => ratio(s.full, s.open) },
  { name: 'trust', unit: '0..1', definition: 'Mean trust in the CLW service of open TSOs of this type, end of week (0 when none open)', value: (s) => ratio(s.trust, s.open) },
] as const satisfies readonly TypeMetricDef[];

export type TypeField = (typeof TYPE_METRICS)[number]['name'];
export const TYPE_FIELDS: TypeField[] = TYPE_METRICS.map((m) => m.name);
