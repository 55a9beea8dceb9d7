/**
 * The pattern table of docs/ODD.md section 9, from a patterns.csv (`clwsim patterns --out DIR`):
 *   nice npx tsx scripts/patterns-table.ts output/patterns/patterns.csv
 */
import { readFileSync } from 'node:fs';
import { splitCsvLine } from '../src/io/results.js';

const file = process.argv[2] ?? 'output/patterns/patterns.csv';
const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n').map(splitCsvLine);
const rows = lines.map((l) => Object.fromEntries(head!.map((h, k) => [h, l[k]!])));
const n = (s: string) => {
  const x = Number(s);
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : Math.abs(x) >= 0.01 ? x.toFixed(3) : x.toFixed(4);
};
console.log('| pattern | kind | rows | lever | metric (window) | how it travels, or the rule it checks | expected | mean difference (95% CI), pairs | blocks passed |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(`| ${r.claim} (\`${r.pattern}\`) | ${r.kind} | ${r.rows} | ${r.lever} | \`${r.metric}\` (${r.window}) | ${r.how} | ${r.expected_direction} | ${n(r.mean_difference!)} (${n(r.ci_low!)} to ${n(r.ci_high!)}), ${r.n} | ${r.seeds_passed} of ${r.seeds_total} |`);
