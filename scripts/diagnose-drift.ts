/**
 * Why does a scenario drift? Runs replications week by week with probes between the schedule's
 * steps (the model is not changed) and prints yearly flows, as markdown:
 *  - CLW expertise: gained by learning (step 6) and lost to turnover (step 10) per CLW-year, and
 *    the equilibrium those rates imply, e* = (g + λ·e_novice) / (g + λ) with g the learning rate
 *    per unit of headroom (1 − e) and λ the turnover hazard, both as measured that year;
 *  - trust: good and bad signals by where they arise (referral, intake, engagement, silence),
 *    the good share, and the confirmation-bias fixed point T = logistic(logit g + b·logit T);
 *  - CLWs: arrivals (new and re-referred), clients taken on, caseload split (in sessions vs held
 *    while waiting at a TSO), pressure, waiting list.
 *   nice npx tsx scripts/diagnose-drift.ts [scenario] [--weeks 520] [--reps 20] [--seed 11] [--set a=b]
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../src/io/scenario.js';
import { Simulation, SCHEDULE } from '../src/model/simulate.js';
import { S, type World, TYPE_INDEX } from '../src/model/world.js';
import { METRIC_NAMES, TYPE_FIELDS } from '../src/model/metrics.js';
import { measure, measureTypes, newTally, newTypeTally } from '../src/model/measure.js';
import { TSO_TYPES } from '../src/model/params.js';

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '20' }, seed: { type: 'string', default: '11' }, weeks: { type: 'string' }, set: { type: 'string', multiple: true, default: [] } },
});
const s = loadScenario(positionals[0] ?? 'scenarios/baseline.yaml', { reps: Number(o.reps), seed: Number(o.seed), weeks: o.weeks ? Number(o.weeks) : undefined, set: o.set });
const years = Math.ceil(s.weeks / 52);
const F = ['expLearn', 'expForget', 'expTurn', 'expSum', 'headroom', 'knownN', 'clwN', 'turnovers',
  'posRef', 'negRef', 'posIntake', 'negIntake', 'posEng', 'negEng', 'silenceLoss', 'trust', 'open',
  'arrivals', 'rereferrals', 'takenOn', 'withN', 'heldN', 'waitN', 'pressure', 'completions', 'dropouts', 'followUps', 'referrals', 'links',
  ...TSO_TYPES.map((t) => `trust_${t}`), ...TSO_TYPES.map((t) => `wait_${t}`), ...TSO_TYPES.map((t) => `places_${t}`), ...TSO_TYPES.map((t) => `pos_${t}`), ...TSO_TYPES.map((t) => `neg_${t}`), 'mhEntries', 'mhPeople', 'mhVisible', 'mhStartWait', 'mhStartWeeks'] as const;
type Field = (typeof F)[number];
const acc: Record<string, Float64Array> = Object.fromEntries(F.map((f) => [f, new Float64Array(years)]));
/** The yearly accumulator of field f (every field in F exists). */
const A = (f: Field): Float64Array => acc[f]!;

const forgetting = (p: World['p']) => p.clw.forgettingPerYear;
const hireLevel = (p: World['p']) => p.clw.expertiseMean;
const sumExp = (w: World) => { let x = 0; for (let i = 0; i < Math.min(w.p.clw.count, w.clws.n); i++) x += w.clws.expertise[i]!; return x; };
const sumSig = (w: World) => { let p = 0, n = 0; for (let j = 0; j < w.tsos.n; j++) if (w.tsos.open[j]) { p += w.tsos.pos[j]!; n += w.tsos.neg[j]!; } return [p, n] as const; };
const sumTrust = (w: World) => { let x = 0; for (let j = 0; j < w.tsos.n; j++) if (w.tsos.open[j]) x += w.tsos.trust[j]!; return x; };

const scratch = new Float64Array(METRIC_NAMES.length);
const tally = newTally(), typeTally = newTypeTally();
const types = TSO_TYPES.map(() => new Float64Array(TYPE_FIELDS.length));
const WAITLIST = TYPE_FIELDS.indexOf('waitlist'), PLACES = TYPE_FIELDS.indexOf('places');
for (let rep = 0; rep < s.reps; rep++) {
  const sim = new Simulation(s, rep);
  const w = sim.world;
  while (w.week < s.weeks) {
    w.week++;
    w.wk.reset();
    const y = Math.floor((w.week - 1) / 52);
    const add = (f: Field, v: number) => { A(f)[y]! += v; };
    const seen0 = w.funnel.seen_by_clw;
    let sig = sumSig(w);
    for (const { step, fn } of SCHEDULE) {
      const name = `${step}.`;
      const e0 = sumExp(w), t0 = sumTrust(w);
      let turnovers = 0;
      if (name.startsWith('10.')) { const before = Float64Array.from(w.clws.expertise), keep = 1 - forgetting(w.p) / 52; fn(w); for (let i = 0; i < before.length; i++) if (w.clws.expertise[i] !== before[i]! * keep && w.clws.expertise[i] !== before[i]) turnovers++; }
      else if (name.startsWith('9.')) {
        TSO_TYPES.forEach((t, ti) => {
          let pp = 0, nn = 0;
          for (const j of w.tsoByType[ti]!) if (w.tsos.open[j]) { pp += w.tsos.pos[j]!; nn += w.tsos.neg[j]!; }
          add(`pos_${t}` as Field, pp); add(`neg_${t}` as Field, nn);
        });
        fn(w);
      } else fn(w);
      const [p1, n1] = sumSig(w);
      const dp = p1 - sig[0], dn = n1 - sig[1];
      if (name.startsWith('4c.')) { add('posRef', dp); add('negRef', dn); }
      if (name.startsWith('5.')) { add('posIntake', dp); add('negIntake', dn); }
      if (name.startsWith('6.') || name.startsWith('7.')) { add('posEng', dp); add('negEng', dn); }
      if (!name.startsWith('10.')) add('expLearn', sumExp(w) - e0); // outcomes teach wherever an episode ends
      if (name.startsWith('10.')) { const forget = e0 * forgetting(w.p) / 52; add('expForget', -forget); add('expTurn', sumExp(w) - e0 + forget); add('turnovers', turnovers); }
      if (name.startsWith('9.')) {
        // Trust change not explained by signals this week (silence) is counted apart.
        let silent = 0;
        for (let j = 0; j < w.tsos.n; j++) if (w.tsos.open[j] && w.week - w.tsos.lastReferral[j]! > w.p.trust.silenceWeeks) silent++;
        if (silent > 0) add('silenceLoss', sumTrust(w) - t0);
      }
      sig = name.startsWith('9.') ? [0, 0] : [p1, n1];
    }
    measure(w, tally, scratch);
    measureTypes(w, typeTally, types);
    const k = w.clws, nA = Math.min(w.p.clw.count, k.n);
    let known = 0, withN = 0, heldN = 0, waitN = 0, pressure = 0;
    for (let i = 0; i < k.n; i++) { waitN += k.waitN[i]!; if (i < nA) { known += k.knownN[i]!; withN += k.withN[i]!; heldN += k.heldN[i]!; pressure += k.pressure[i]!; } }
    const e = sumExp(w) / nA;
    add('expSum', e); add('headroom', 1 - e); add('knownN', known / nA); add('clwN', nA);
    add('trust', sumTrust(w)); add('open', scratch[METRIC_NAMES.indexOf('active_tsos')]!);
    add('arrivals', w.wk.arrivals); add('rereferrals', w.wk.rereferrals); add('takenOn', w.funnel.seen_by_clw - seen0);
    add('withN', withN / nA); add('heldN', heldN / nA); add('waitN', waitN); add('pressure', pressure / nA);
    add('completions', w.wk.completions); add('dropouts', w.wk.dropouts); add('followUps', w.wk.followUps); add('referrals', w.wk.referrals); add('links', w.wk.referralLinks);
    TSO_TYPES.forEach((t, ti) => {
      let tr = 0, n = 0;
      for (const j of w.tsoByType[ti]!) if (w.tsos.open[j]) { tr += w.tsos.trust[j]!; n++; }
      add(`trust_${t}` as Field, n ? tr / n : 0); add(`wait_${t}` as Field, types[ti]![WAITLIST]!); add(`places_${t}` as Field, types[ti]![PLACES]!);
    });
    // The MH list: entries vs people, and the wait CLWs see (the wait TSOs quote) vs what starters waited.
    const mh = TYPE_INDEX.mh;
    let entries = 0, visible = 0, starts = 0, startWait = 0, people = 0;
    for (const j of w.tsoByType[mh]!) { entries += w.tsos.waitN[j]!; visible += w.tsos.quotedWait[j]! / w.tsoByType[mh]!.length; starts += w.tsos.starts[j]!; startWait += w.tsos.startWaitSum[j]!; }
    for (let c = 0; c < w.clients.n; c++) {
      if (w.clients.state(c) !== S.WAIT_TSO) continue;
      for (let q = 0; q < 4; q++) { const j = w.clients.ref(c, q); if (j >= 0 && w.tsos.type[j] === mh) { people++; break; } }
    }
    add('mhEntries', entries); add('mhPeople', people); add('mhVisible', visible);
    if (starts > 0) { add('mhStartWait', startWait / starts); add('mhStartWeeks', 1); }
  }
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
/** Fixed point of T = logistic(logit g + b·logit T): logit T = logit g / (1 − b). */
const biasFixedPoint = (g: number, b: number) => logistic(logit(g) / (1 - b));
const f = (x: number, d = 3) => x.toFixed(d);

const N = s.reps;
console.log(`\n### Drift diagnosis: ${s.name}, seed ${s.seed}, ${N} reps, ${s.weeks} weeks${o.set!.length ? `, --set ${o.set!.join(' ')}` : ''}\n`);
console.log('CLW expertise (per CLW; g = learning per CLW-year per unit headroom, φ = forgetting, λ = turnover hazard per year; e∞ = g/(g+φ), e* = e∞ + (ē_hire − e∞)·λ/(λ+g+φ)):\n');
console.log('| year | expertise | TSOs known | gained by learning /CLW/yr | lost to forgetting /CLW/yr | lost to turnover /CLW/yr | completions /CLW/yr | g | λ | e* |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (let y = 0; y < years; y++) {
  const wk = Math.min(52, s.weeks - 52 * y), cw = A('clwN')[y]! / N; // CLW-weeks per rep
  const perClwYr = (x: number) => (x / N / cw) * 52;
  const gained = perClwYr(A('expLearn')[y]!), forgot = -perClwYr(A('expForget')[y]!), lost = -perClwYr(A('expTurn')[y]!);
  const g = gained / (A('headroom')[y]! / N / wk), lam = (A('turnovers')[y]! / N / cw) * 52, phi = forgetting(s.params);
  const eInf = g / (g + phi), eStar = eInf + (hireLevel(s.params) - eInf) * lam / (lam + g + phi);
  console.log(`| ${y + 1} | ${f(A('expSum')[y]! / N / wk)} | ${f(A('knownN')[y]! / N / wk, 1)} | ${f(gained, 4)} | ${f(forgot, 4)} | ${f(lost, 4)} | ${f(perClwYr(A('completions')[y]!), 1)} | ${f(g, 4)} | ${f(lam, 3)} | ${f(eStar)} |`);
}
console.log('\nTrust signals per TSO-week (good / bad by where they arise), good share, mean trust, and the confirmation-bias fixed point:\n');
console.log(`| year | referral + | referral − | intake − | engagement + | engagement − | good share | fixed point (b = ${s.params.trust.confirmationBias}) | trust | ${TSO_TYPES.map((t) => `trust ${t}`).join(' | ')} |`);
console.log(`|---|---|---|---|---|---|---|---|---|${TSO_TYPES.map(() => '---').join('|')}|`);
for (let y = 0; y < years; y++) {
  const tw = A('open')[y]! / N; // TSO-weeks
  const per = (x: number) => x / N / tw;
  const pos = A('posRef')[y]! + A('posIntake')[y]! + A('posEng')[y]!, neg = A('negRef')[y]! + A('negIntake')[y]! + A('negEng')[y]!;
  const g = pos / (pos + neg), wk = Math.min(52, s.weeks - 52 * y);
  console.log(`| ${y + 1} | ${f(per(A('posRef')[y]!))} | ${f(per(A('negRef')[y]!))} | ${f(per(A('negIntake')[y]!))} | ${f(per(A('posEng')[y]!))} | ${f(per(A('negEng')[y]!))} | ${f(g)} | ${f(biasFixedPoint(g, s.params.trust.confirmationBias))} | ${f(A('trust')[y]! / A('open')[y]!)} | ${TSO_TYPES.map((t) => f(A(`trust_${t}`)[y]! / N / wk)).join(' | ')} |`);
}
console.log('\nSignals per TSO-week and good share, by type:\n');
console.log(`| year | ${TSO_TYPES.map((t) => `signals ${t} | good ${t}`).join(' | ')} |`);
console.log(`|---|${TSO_TYPES.map(() => '---|---').join('|')}|`);
for (let y = 0; y < years; y++) {
  const wk = Math.min(52, s.weeks - 52 * y);
  console.log(`| ${y + 1} | ${TSO_TYPES.map((t) => { const P = A(`pos_${t}`)[y]!, Q = A(`neg_${t}`)[y]!; const n = (s.params.tso.count as Record<string, number>)[t]!; return `${f((P + Q) / N / wk / n, 2)} | ${f(P / (P + Q))}`; }).join(' | ')} |`);
}
console.log('\nCLWs: weekly flows (whole service) and per-CLW stocks; effective cap = caseloadCap × (1 − managementOverhead), caseload = in sessions + holdWeight × held:\n');
console.log(`| year | arrivals /wk | of which re-referrals | taken on /wk | in sessions /CLW | held at TSOs /CLW | pressure | CLW waiting list | follow-up share | links/referral | ${TSO_TYPES.map((t) => `list ${t}`).join(' | ')} | ${TSO_TYPES.map((t) => `places ${t}`).join(' | ')} |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|${TSO_TYPES.map(() => '---').join('|')}|${TSO_TYPES.map(() => '---').join('|')}|`);
for (let y = 0; y < years; y++) {
  const wk = Math.min(52, s.weeks - 52 * y), per = (x: number) => x / N / wk;
  console.log(`| ${y + 1} | ${f(per(A('arrivals')[y]! + A('rereferrals')[y]!), 1)} | ${f(per(A('rereferrals')[y]!), 1)} | ${f(per(A('takenOn')[y]!), 1)} | ${f(per(A('withN')[y]!), 1)} | ${f(per(A('heldN')[y]!), 1)} | ${f(per(A('pressure')[y]!))} | ${f(per(A('waitN')[y]!), 1)} | ${f(A('followUps')[y]! / A('referrals')[y]!)} | ${f(A('links')[y]! / A('referrals')[y]!, 2)} | ${TSO_TYPES.map((t) => f(per(A(`wait_${t}`)[y]!), 1)).join(' | ')} | ${TSO_TYPES.map((t) => f(per(A(`places_${t}`)[y]!), 1)).join(' | ')} |`);
}

console.log('\nThe mental-health lists: entries (a scattergun referral is one entry per service) vs people waiting, and the wait CLWs see when choosing and gaming (the wait TSOs quote) vs what starters waited:\n');
console.log('| year | entries | people | visible wait | starters\' wait |\n|---|---|---|---|---|');
for (let y = 0; y < years; y++) {
  const wk = Math.min(52, s.weeks - 52 * y), per = (x: number) => x / N / wk;
  console.log(`| ${y + 1} | ${f(per(A('mhEntries')[y]!), 1)} | ${f(per(A('mhPeople')[y]!), 1)} | ${f(per(A('mhVisible')[y]!), 1)} | ${f(A('mhStartWait')[y]! / A('mhStartWeeks')[y]!, 1)} |`);
}
