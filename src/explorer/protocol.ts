/** Messages between the explorer page and its simulation worker (structured-clone safe). */
import type { Scenario } from '../model/scenario.js';

/** A scheduled change shown on the charts: from the scenario file, or a lever moved by the user. */
export interface Marker { week: number; label: string; source: 'scenario' | 'you' }

export interface Agents {
  tsoType: number[];
  tsoOpen: number[];
  tsoPlaces: number[];
  tsoWait: number[];
  tsoTrust: number[];
  clwCaseload: number[];
  clwPressure: number[];
  /** Clients per state: waiting for a CLW, with a CLW, waiting for a TSO, engaged, exited (observed). */
  states: number[];
}

/** The state of the run after a week (week 0: as set up): what the diagram and agents panel show. */
export interface Snapshot {
  week: number;
  links: number[];
  rawLinks: number[];
  loops: number[];
  /** Index in LOOPS of the loop that clearly leads (dominance.ts), or -1. */
  leader: number;
  agents: Agents;
}

export type ToWorker =
  /** A new run; `gen` tags every reply, so replies about an earlier run are recognised and dropped. */
  | { type: 'setup'; gen: number; scenario: Scenario; cut: { week: number; set: Record<string, number>; label: string } | null }
  /** Run on; pause by itself at the end of week `until` when given. */
  | { type: 'run'; until?: number }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; weeksPerSecond: number }
  /** The page has drawn up to this week: the worker runs at most a few weeks ahead of the display. */
  | { type: 'drawn'; gen: number; week: number }
  /** Change parameters from the next week (an intervention). */
  | { type: 'lever'; set: Record<string, number>; label: string }
  /** Reschedule the funding cut set at Setup, while it has not started yet. */
  | { type: 'reschedule-cut'; week: number; set: Record<string, number>; label: string }
  | { type: 'csv' };

export type FromWorker = { gen: number } & (
  | { type: 'ready'; name: string; seed: number; weeks: number; markers: Marker[]; snapshot: Snapshot }
  | { type: 'markers'; markers: Marker[] }
  /** Weeks `first`, `first + 1`, … : every week's metrics (the charts keep them all), the last week's snapshot. */
  | { type: 'weeks'; first: number; metrics: number[][]; snapshot: Snapshot }
  /** `week`: the last week simulated; every week up to it was sent before this message. */
  | { type: 'state'; running: boolean; done: boolean; week: number }
  | { type: 'csv'; text: string; weeks: number }
  | { type: 'error'; message: string });
