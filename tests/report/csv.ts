import { splitCsvLine } from '../../src/io/results.js';

/** CSV text → one record per row, keyed by the header. */
export const csvRows = (text: string): Array<Record<string, string>> => {
  const [head, ...lines] = text.trim().split('\n').map(splitCsvLine);
  return lines.map((l) => Object.fromEntries(head!.map((h, i) => [h, l[i]!])));
};
