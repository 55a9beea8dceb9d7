/** --format: the tidy tables as CSV (the default) or Parquet (src/experiment/table.ts). */
import { InvalidArgumentError } from 'commander';
import type { Format } from '../experiment/table.js';

export const FORMAT_HELP = 'tables as csv (default) or parquet: the same columns and cells';

export const formatArg = (v: string): Format => {
  if (v !== 'csv' && v !== 'parquet') throw new InvalidArgumentError(`expected csv or parquet, got "${v}"`);
  return v;
};
