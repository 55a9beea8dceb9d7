// Parameters, matrix ids and scenario types are data, not engine: the reference shares them.
export * from '../../../src/model/matrix.js';
