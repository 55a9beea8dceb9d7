/** The public library API (re-exports only). */
export { simulate, Simulation, SCHEDULE, type RunResult, type SimulateOptions } from './model/simulate.js';
export { PARAM_SPEC, TSO_TYPES, defaults, leaves, getParam, setParam, cloneParams, type Params, type TsoType } from './model/params.js';
export { METRICS, METRIC_NAMES, TYPE_FIELDS, type MetricName } from './model/metrics.js';
export { MATRIX_ROWS, type MatrixRow } from './model/matrix.js';
export { repSeed } from './model/rng.js';
export { FUNNEL_KEYS, type Funnel } from './model/world.js';
export type { Scenario, Intervention } from './model/scenario.js';
export { InputError } from './scenario/errors.js';
export { checkAssignment, parseSet } from './scenario/checks.js';
export { defaultScenario, type Overrides } from './scenario/build.js';
export { summarize, tCritical95, statistic, lastWeeks, type Summary, type Window, type Statistic } from './scenario/stats.js';
export { trajectoriesCsv, summaryCsv, funnelCsv, tsoTypesCsv } from './scenario/tables.js';
export { loadScenario } from './io/scenario.js';
export { replicate, replicateArms } from './experiment/replicate.js';
export { runJobs } from './experiment/pool.js';
export { pairedJobs, runOne, type Job, type JobOutput, type Draw } from './experiment/runner.js';
