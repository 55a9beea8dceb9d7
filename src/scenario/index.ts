/** The Node-free scenario layer: errors, checks, the build step, run defaults, statistics and tables. */
export * from './errors.js';
export * from './checks.js';
export * from './build.js';
export * from './stats.js';
export * from './csv.js';
export * from './tables.js';
