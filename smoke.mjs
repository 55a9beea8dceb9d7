import { defaults } from './dist/model/params.js';
import { simulate } from './dist/model/simulate.js';
const p = defaults();
const sc = { name: 'b', description: '', params: p, interventions: [], weeks: 260, warmup: 52, reps: 1, seed: 1 };
const t0 = performance.now();
const r = simulate(sc, 0);
console.log('ms', (performance.now() - t0).toFixed(1));
for (const [k, v] of Object.entries(r.metrics)) {
  const last = Array.from(v.slice(208)); const m = last.reduce((a, b) => a + b, 0) / last.length;
  console.log(k.padEnd(26), m.toFixed(3), ' w10', v[9].toFixed(2), ' w52', v[51].toFixed(2), ' w260', v[259].toFixed(2));
}
console.log(r.funnel, r.clientWeeks);
for (const [t, rec] of Object.entries(r.tsoTypes)) console.log(t, Object.entries(rec).map(([f, a]) => `${f}=${(a.slice(208).reduce((x, y) => x + y, 0) / 52).toFixed(1)}`).join(' '));
