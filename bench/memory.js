/** Memory scaling: 0.1×, 0.3× and 1× national (CLWs and TSOs scaled together): RSS and time. */
import { fmt, save, table } from './lib.js';
import { nationalRuns, summarise } from './national.js';

export default function memory(cache = {}) {
  const rows = [];
  const out = [];
  for (const scale of [0.1, 0.3, 1]) {
    const runs = scale === 1 && cache.national ? cache.national : nationalRuns(scale);
    const s = summarise(runs);
    out.push({ scale, ...s, runs });
    rows.push([`${scale}×`, String(runs[0].clws), String(runs[0].tsos), `${fmt(s.clientWeeks / 1e6)} M`, `${fmt(s.rssMB, 0)} MB`, `${fmt(s.wallS, 2)} s`, `${fmt((s.wallS * 1e9) / s.clientWeeks, 0)} ns`]);
  }
  save('memory', { scales: out });
  return table(['scale', 'CLWs', 'TSOs', 'client-weeks', 'peak RSS', 'wall', 'per client-week'], rows);
}
