/**
 * Steps 3 and 3b. Demand: GPs refer new clients to CLWs (Poisson per CLW per week; step 3), and
 * unmet need comes back: a client who left with need unmet keeps consulting the GP, who may
 * refer again (the demand feedback loop through GP visits; lifecycle.ts draws it at exit, step
 * 3b carries it out). Exited clients stop being observed after the follow-up window and their
 * slot is reused.
 * Realist matrix: C1 "post-COVID challenges, high levels of individual need" (demand level,
 * kinds of need, re-referral), C8 "CLWs linked to GP practices in areas of socioeconomic
 * deprivation" (referral rate, starting wellbeing); long-term outcome "increased use of GP and
 * other statutory support" feeding back into referrals.
 * Evidence: §1a (≈133 referrals per CLW-year in Edinburgh).
 */
import { draw, type Rng } from '../rng.js';
import { type World, S, F, allocClient, freeClient, NTYPES } from '../world.js';
import { AfterExit } from '../clients.js';
import { clearRefs, nextSeq, setState, setWellbeing } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';
import { scheduleClwGiveUp } from './waiting.js';

export const referToClws: Mechanism = {
  id: 'arrivals', step: '3', title: 'GP referrals to CLWs', module: 'demand.ts', rows: ['C1', 'C8'], fn: arrivals,
};

export const reviewExits: Mechanism = {
  id: 'exits', step: '3b', title: 're-referrals and end of observation', module: 'demand.ts', rows: ['C1'], fn: exitEvents,
};

function arrivals(w: World): void {
  const { p } = w;
  const rate = p.demand.referralsPerClwWeek * p.demand.level;
  const nClw = Math.min(p.clw.count, w.clws.n);
  const { needShares: shares, needTotal: total } = w.derived;
  for (let i = 0; i < nClw; i++) {
    const n = w.dist.arrivals.poisson(rate);
    for (let k = 0; k < n; k++) newClient(w, i, shares, total);
  }
}

function newClient(w: World, clw: number, shares: Float64Array, total: number): void {
  const r = w.rng.arrivals;
  const c = allocClient(w);
  // Six draws per client, always: arrivals stay in step across scenarios (common random numbers).
  let u = draw(r) * total;
  let need = 0;
  while (need < NTYPES - 1 && u >= shares[need]!) u -= shares[need++]!;
  initClient(w, c, clw, need, r);
  enterClwQueue(w, c);
  w.funnel.referred_to_clw++;
  w.wk.arrivals++;
}

/** Fill client slot c as a new referral of CLW `clw` with main need `need` (five draws from r). */
export function initClient(w: World, c: number, clw: number, need: number, r: Rng): void {
  const { p, clients: cl } = w;
  cl.setNeed(c, need);
  cl.setFlags(c, draw(r) < p.demand.complexShare ? F.COMPLEX : 0);
  cl.setClwOnly(c, draw(r) < p.demand.clwOnlyShare ? 1 : 0);
  cl.setReadiness(c, p.demand.readinessMin + (p.demand.readinessMax - p.demand.readinessMin) * draw(r));
  cl.setWellbeing(c, 0);
  cl.setGpRate(c, 0);
  const spread = p.gp.rateSpread;
  cl.setGpBase(c, 1 - spread + 2 * spread * draw(r));
  cl.setClw(c, clw);
  cl.setTso(c, -1);
  cl.setSessions(c, 0);
  cl.setRetries(c, 0);
  cl.setExit(c, 0);
  cl.setFit(c, 0);
  cl.setRefSeq(c, (cl.refSeq(c) + 1) >>> 0);
  const wbSpread = p.demand.wellbeingInitialSpread;
  setWellbeing(w, c, p.demand.wellbeingInitialMean - wbSpread + 2 * wbSpread * draw(r));
}

/**
 * Put c on its CLW's waiting list (a new episode), referred in week `week` (earlier only for the
 * lists a run starts with), with the week they would give up waiting (waiting.ts).
 */
export function enterClwQueue(w: World, c: number, week = w.week): void {
  const cl = w.clients;
  w.arrivalsTotal++;
  setState(w, c, S.WAIT_CLW);
  cl.setSince(c, week);
  const i = cl.clw(c);
  w.clws.waitN[i]!++;
  const seq = nextSeq(w, c);
  w.clwQueue.push(i, c, seq, week);
  scheduleClwGiveUp(w, c, seq, w.week - week);
}

/** Exited clients: end of observation (slot freed) or a GP re-referral (a new episode). */
function exitEvents(w: World): void {
  const cl = w.clients;
  w.exitCal.drain(w.week, (c, seq) => {
    if (cl.seq(c) !== seq || cl.state(c) !== S.EXITED) return;
    if (cl.afterExit(c) === AfterExit.REREFERRAL) {
      clearRefs(w, c);
      cl.setFlags(c, cl.flags(c) & F.COMPLEX);
      cl.setExit(c, 0);
      cl.setSessions(c, 0);
      cl.setRetries(c, 0);
      cl.setReadiness(c, w.p.demand.readinessMin + (w.p.demand.readinessMax - w.p.demand.readinessMin) * draw(w.rng.exit));
      const nClw = Math.min(w.p.clw.count, w.clws.n);
      if (cl.clw(c) >= nClw) cl.setClw(c, c % nClw);
      enterClwQueue(w, c); // a new episode of the same person
      w.funnel.referred_to_clw++;
      w.funnel.rereferred_by_gp++;
      w.wk.rereferrals++;
    } else {
      clearRefs(w, c);
      setWellbeing(w, c, 0);
      setState(w, c, S.FREE);
      freeClient(w, c);
    }
  });
}
