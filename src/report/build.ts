/**
 * From arms to every output of a report: comparison and cost rows, the sensitivity analysis and
 * the files' contents (CSV, SVG, HTML, report.json). Pure; writing is in ./files.ts.
 */
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import { compareArms, comparisonCsv } from './compare.js';
import { costRows, costsCsv } from './costs.js';
import { type Sensitivity, sensitivity as runSensitivity, type SensitivityOptions } from './sensitivity.js';
import { charts } from './charts.js';
import { reportHtml } from './html.js';
import { fmt, toCsv } from '../scenario/csv.js';
import type { PosteriorUse } from '../experiment/posterior.js';
import { oneOfEachTwin, twinsOf } from './twins.js';
import { organisationsSummaryCsv } from './organisations.js';

export interface ReportMeta {
  version: string;
  /** The command that made the results (shown in the footer to re-run them). */
  command: string;
  /** The posterior the replications drew their parameters from, if any. */
  posterior?: PosteriorUse;
}

export interface ReportFiles {
  /** Relative path → content, in writing order (report.html and report.json last). */
  files: Array<[string, string]>;
  sensitivity?: Sensitivity;
}

/** A ranking read back from an older report.json may list twins (./twins.ts) separately: keep one of each. */
const oneLeverOnce = (s: Sensitivity): Sensitivity => {
  const rows = oneOfEachTwin(s.rows).map((r) => (twinsOf(r.path).length && !r.twins ? { ...r, twins: twinsOf(r.path) } : r));
  return rows.length === s.rows.length ? s : { ...s, rows };
};

export function sensitivityCsv(s: Sensitivity): string {
  return toCsv(['scenario', 'outcome', 'rank', 'parameter', 'value', 'low', 'high', 'effect_at_low', 'effect_at_high', 'effect_as_set', 'swing', 'method', 'pairs', 'same_lever_as', 'source'],
    s.rows.map((r, i) => [s.scenario, s.outcome, i + 1, r.path, fmt(r.value), fmt(r.low), fmt(r.high), fmt(r.effectLow), fmt(r.effectHigh), fmt(r.effectRef), fmt(r.swing), r.method, r.reps, (r.twins ?? []).join(' '), r.source]));
}

/**
 * Everything a comparison report writes. `sensitivity` is either a finished analysis (read back
 * from disk), options to compute one for the first scenario, or undefined to leave it out.
 */
export async function buildReport(base: Arm, arms: Arm[], w: Window, meta: ReportMeta, sens?: Sensitivity | SensitivityOptions, pause: () => Promise<void> = async () => {}): Promise<ReportFiles> {
  const files: Array<[string, string]> = [];
  const all = [base, ...arms];
  for (const c of charts(all)) files.push([`charts/${c.file}`, `${c.svg}\n`]);
  await pause(); // while the sensitivity analysis runs on the pool (compare: runOutputsPaced)
  if (base.scenario.organisations) files.push(['organisations_summary.csv', organisationsSummaryCsv(all)]);
  if (arms.length === 0) {
    files.push(['report.html', reportHtml({ base, arms, window: w, rows: [], costs: [], version: meta.version, command: meta.command, posterior: meta.posterior })]);
    return { files };
  }
  const rows = compareArms(base, arms, w);
  await pause();
  const costs = costRows(base, arms, w);
  const s = sens === undefined ? undefined : 'rows' in sens ? oneLeverOnce(sens) : await runSensitivity(base, arms[0]!, w, sens);
  files.unshift(['comparison.csv', comparisonCsv(base.scenario.name, rows)], ['costs.csv', costsCsv(base.scenario.name, costs)]);
  if (s) files.splice(2, 0, ['sensitivity.csv', sensitivityCsv(s)]);
  files.push(['report.html', reportHtml({ base, arms, window: w, rows, costs, sensitivity: s, version: meta.version, command: meta.command, posterior: meta.posterior })]);
  return { files, sensitivity: s };
}
