/**
 * What each measure means to a reader, declared once: its plain name, the way it moves when
 * things get better, and whether it is about people and services or about how the system works.
 * The summary's ranking of harms, its explanations and the tables' labels all read this table.
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import { num } from './format.js';

export type Good = 'lower' | 'higher';
/** 'people': what happens to people and services; 'system': how the referral system works. */
export type Tier = 'people' | 'system';

export interface MeasureWords {
  /** Plain name for tables and lists ("Programmes completed"). */
  label: string;
  /** The same as a noun phrase inside a sentence ("completed programmes"). */
  noun: string;
  /** Which way is better; undefined: neither (demand, activity, money). */
  good?: Good;
  tier?: Tier;
}

const m = (label: string, noun: string, good?: Good, tier?: Tier): MeasureWords => ({ label, noun, good, tier });

export const MEASURES: Record<MetricName, MeasureWords> = {
  trust_mean: m('Trust of TSOs in the CLW service', 'trust of TSOs in the link workers', 'higher', 'system'),
  waitlist_total: m('Waiting-list entries, all TSOs', 'TSO waiting lists', 'lower', 'people'),
  waitlist_mh: m('Waiting-list entries, mental-health TSOs', 'mental-health TSO waiting lists', 'lower', 'people'),
  wait_weeks_mean: m('Wait before starting', 'the wait before starting at a TSO', 'lower', 'people'),
  dropouts: m('Drop-outs', 'drop-outs', 'lower', 'people'),
  dropout_rate: m('Drop-out rate (share of leavers)', 'the share of leavers who dropped out', 'lower', 'people'),
  gp_attendances: m('GP consultations', 'GP consultations', 'lower', 'people'),
  active_tsos: m('Open TSOs', 'open TSOs', 'higher', 'people'),
  clw_caseload_mean: m('CLW caseload', 'link-worker caseloads'),
  handholding_share: m('Complex clients accompanied to a first session', 'complex clients accompanied to a first session', 'higher', 'system'),
  duplicate_referrals: m('Duplicated waiting-list contacts', 'duplicated waiting-list contacts', 'lower', 'system'),
  wellbeing_mean: m('Wellbeing of clients', 'clients\' wellbeing', 'higher', 'people'),
  placements_matched_share: m('Starts at the right kind of service', 'starts at the right kind of service', 'higher', 'system'),
  fit_mean: m('Match of service to person', 'how well services fit the people who start', 'higher', 'system'),
  gave_up: m('People giving up while waiting', 'people giving up while waiting', 'lower', 'people'),
  lost_clients: m('People lost (dropped out, gave up or did not attend)', 'people lost along the way', 'lower', 'people'),
  completions: m('Programmes completed', 'completed programmes', 'higher', 'people'),
  starts: m('Programmes started', 'people starting a programme', 'higher', 'people'),
  arrivals: m('Referrals to CLWs by GPs', 'GP referrals to link workers'),
  referrals: m('Onward referrals by CLWs', 'onward referrals by link workers'),
  scatter_share: m('Referrals made to several services at once', 'scattergun referrals', 'lower', 'system'),
  followup_share: m('Referrals followed up with the TSO', 'referrals followed up', 'higher', 'system'),
  refused_referrals: m('Referrals turned back by TSOs', 'referrals turned back', 'lower', 'system'),
  clw_waitlist: m('Waiting for a first CLW session', 'the waiting list for a link worker', 'lower', 'people'),
  clients_in_system: m('People in the system', 'people in the system'),
  statutory_contacts: m('Other statutory contacts', 'other statutory contacts (A&E, social work, police)', 'lower', 'people'),
  clw_expertise_mean: m('CLW expertise', 'link-worker expertise', 'higher', 'system'),
  clw_pressure_mean: m('CLW pressure (caseload ÷ capacity)', 'pressure on link workers', 'lower', 'system'),
  collab_index: m('TSOs trusting enough to collaborate', 'TSOs trusting enough to collaborate', 'higher', 'system'),
  places_total: m('TSO places', 'TSO places', 'higher', 'people'),
  good_signal_share: m('Good experiences of referrals at TSOs', 'good experiences of referrals at TSOs', 'higher', 'system'),
  referral_links: m('Referrals to TSOs (each service counted)', 'referrals to TSOs'),
  sessions_mean: m('CLW sessions before referral', 'link-worker sessions before referral'),
  tso_grants: m('Grants paid to TSOs', 'grants paid to TSOs'),
  waitlist_people: m('People waiting for a TSO', 'people waiting for a TSO', 'lower', 'people'),
  waitlist_mh_people: m('People waiting for a mental-health TSO', 'people waiting for a mental-health TSO', 'lower', 'people'),
  tso_wait_weeks_mean: m('Time on TSO waiting lists', 'time on TSO waiting lists', 'lower', 'people'),
  tso_list_leavers: m('People leaving TSO waiting lists', 'people leaving TSO waiting lists'),
  clw_wait_weeks_mean: m('Wait for a first CLW session', 'the wait for a first link-worker session', 'lower', 'people'),
  clw_list_leavers: m('People leaving CLW waiting lists', 'people leaving link workers\' waiting lists'),
  clw_lost: m('People lost before a TSO referral', 'people lost before a referral to a TSO', 'lower', 'people'),
  declined: m('People stopping between CLW sessions', 'people stopping between link-worker sessions', 'lower', 'people'),
  clw_caseload_people: m('People on a CLW\'s books', 'people on link workers\' books'),
  clw_sessions: m('CLW sessions of courses begun', 'link-worker sessions'),
  gp_rate_before: m('GP use before (per person-year)', 'GP use before social prescribing'),
  gp_rate_after: m('GP use after (per person-year)', 'GP use after leaving', 'lower', 'people'),
  gp_per_client_year: m('GP consultations per person-year', 'GP consultations per person-year', 'lower', 'people'),
  lists_closed_share: m('TSO lists closed to referrals', 'TSO lists closed to new referrals', 'lower', 'system'),
  closed_list_refusals: m('Referrals turned back by closed lists', 'referrals turned back by closed lists', 'lower', 'system'),
  signposted: m('Referrals signposted elsewhere', 'referrals signposted elsewhere'),
  emergency_referrals: m('Referrals of people in crisis', 'referrals of people in crisis'),
  clw_no_shows: m('No-shows at a first CLW session', 'no-shows at a first link-worker session', 'lower', 'people'),
};

const unitOf = (metric: MetricName) => METRICS.find((d) => d.name === metric)!.unit;

/** A level as a reader writes it: shares as percentages, counts with their unit ("834 people", "16.5 a week"). */
export function level(metric: MetricName, x: number): string {
  const unit = unitOf(metric);
  if (unit === 'share') return `${Math.round(100 * x)}%`;
  const words: Record<string, string> = { entries: 'entries', 'referral links': 'entries', weeks: 'weeks', clients: 'people', people: 'people', TSOs: 'open', places: 'places', sessions: 'sessions' };
  const per = unit.endsWith('/week') ? 'a week' : words[unit];
  return per ? `${num(x)} ${per}` : num(x);
}

/** "53 → 834 people": baseline and option levels, the unit said once. */
export function fromTo(metric: MetricName, from: number, to: number): string {
  const a = level(metric, from), b = level(metric, to);
  const unitTail = (s: string) => s.replace(/^[−\d.,]+%?/, '');
  return unitTail(a) === unitTail(b) && unitTail(a) !== '' && !a.endsWith('%') ? `${a.slice(0, a.length - unitTail(a).length)} → ${b}` : `${a} → ${b}`;
}
