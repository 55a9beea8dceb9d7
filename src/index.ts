/** The public library API (re-exports only). */
export { simulate, Simulation, SCHEDULE, type RunResult, type SimulateOptions } from './model/simulate.js';
export { PARAM_SPEC, TSO_TYPES, defaults, leaves, getParam, setParam, cloneParams, type Params, type TsoType } from './model/params.js';
export { METRICS, METRIC_NAMES, TYPE_FIELDS, type MetricName } from './model/metrics.js';
export { MATRIX_ROWS, type MatrixRow } from './model/matrix.js';
export { repSeed } from './model/rng.js';
export { FUNNEL_KEYS, type Funnel } from './model/world.js';
export type { Scenario, Intervention } from './model/scenario.js';
export { loadScenario, defaultScenario, parseSet, checkAssignment, InputError, type Overrides } from './io/scenario.js';
export { replicate } from './experiment/replicate.js';
export { summarize, tCritical95, windowMean, windowSum, type Summary } from './experiment/stats.js';
