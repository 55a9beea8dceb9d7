/**
 * Summarise a V8 CPU profile (node --cpu-prof): self time by function, highest first.
 * Usage: node bench/top.js bench/results/<file>.cpuprofile [rows]
 * For attribution to small functions, profile with --no-turbo-inlining (slower, but each
 * accessor keeps its own frame: e.g. Clients.seq shows the cache miss of reaching a client).
 */
import { readFileSync } from 'node:fs';

const [file, rows = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/top.js <profile.cpuprofile> [rows]');
/** @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number } }} ProfileNode */
/** @type {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} (the .cpuprofile format) */
const p = JSON.parse(readFileSync(file, 'utf8'));
/** @type {Map<number, number>} */
const timeOf = new Map();
p.samples.forEach((id, k) => { timeOf.set(id, (timeOf.get(id) ?? 0) + (p.timeDeltas[k] ?? 0)); });
/** @type {Map<string, number>} */
const self = new Map();
let total = 0;
for (const n of p.nodes) {
  const t = timeOf.get(n.id) ?? 0;
  total += t;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
console.log('| self ms | share | function |\n| ---: | ---: | --- |');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))) {
  console.log(`| ${(t / 1000).toFixed(0)} | ${((100 * t) / total).toFixed(1)}% | ${k} |`);
}
console.log(`\ntotal ${(total / 1000).toFixed(0)} ms`);
