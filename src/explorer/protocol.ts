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

export type ToWorker =
  | { type: 'setup'; scenario: Scenario; cut: { week: number; set: Record<string, number>; label: string } | null }
  /** Run on; pause by itself at the end of week `until` when given. */
  | { type: 'run'; until?: number }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; weeksPerSecond: number }
  /** Change parameters from the next week (an intervention). */
  | { type: 'lever'; set: Record<string, number>; label: string }
  /** Reschedule the funding cut set at Setup, while it has not started yet. */
  | { type: 'reschedule-cut'; week: number; set: Record<string, number>; label: string }
  | { type: 'csv' };

export type FromWorker =
  | { type: 'ready'; name: string; seed: number; weeks: number; markers: Marker[] }
  | { type: 'markers'; markers: Marker[] }
  | { type: 'week'; week: number; metrics: number[]; links: number[]; rawLinks: number[]; loops: number[]; agents: Agents }
  | { type: 'state'; running: boolean; done: boolean }
  | { type: 'csv'; text: string; weeks: number }
  | { type: 'error'; message: string };
