/**
 * Invariants of the world, checked by the tests every week of a run: each client in exactly one
 * state and counted there; arrivals = in system + exits; caseloads, waiting lists and places
 * never negative and equal to what the client records say; no NaN in any metric.
 * Returns a list of violations (empty when all hold).
 */
import { type World, S, MAX_REFS } from './world.js';
import { liveRefs } from './lifecycle.js';
import { METRIC_NAMES } from './metrics.js';

export function checkInvariants(w: World, metrics?: ArrayLike<number>): string[] {
  const bad: string[] = [];
  const { clients: cl, clws: k, tsos: t } = w;
  const count = new Int32Array(6);
  const withN = new Int32Array(k.n), heldN = new Int32Array(k.n);
  const waitN = new Int32Array(t.n), engaged = new Int32Array(t.n);
  const byType = new Int32Array(w.waitingByType.length);
  let gp = 0;
  const gpBy = new Float64Array(6);
  for (let c = 0; c < cl.n; c++) {
    const s = cl.state(c);
    if (s > S.EXITED) bad.push(`client ${c}: unknown state ${s}`);
    count[s]!++;
    if (s === S.WITH_CLW) withN[cl.clw(c)]!++;
    if (s === S.WAIT_TSO) heldN[cl.clw(c)]!++;
    if (s === S.ENGAGED) engaged[cl.tso(c)]!++;
    if (s === S.WAIT_TSO && liveRefs(w, c) === 0) bad.push(`client ${c}: waiting for a TSO with no live referral`);
    if (s === S.WAIT_TSO) byType[cl.waitType(c)]!++;
    for (let m = 0; m < MAX_REFS; m++) {
      const j = cl.ref(c, m);
      if (j < 0) continue;
      waitN[j]!++;
      if (s === S.WAIT_TSO && t.type[j] !== cl.waitType(c)) bad.push(`client ${c}: waits at a TSO of type ${t.type[j]} but is counted at type ${cl.waitType(c)}`);
    }
    gp += cl.gpRate(c);
    gpBy[s]! += cl.gpRate(c);
  }
  const free = count[S.FREE]!;
  if (free !== w.freeN) bad.push(`free slots: ${free} clients FREE but ${w.freeN} in the free list`);
  for (let s = 1; s < 6; s++) if (count[s] !== w.stateCount[s]) bad.push(`state ${s}: ${count[s]} clients but counter says ${w.stateCount[s]}`);
  const inSystem = count[S.WAIT_CLW]! + count[S.WITH_CLW]! + count[S.WAIT_TSO]! + count[S.ENGAGED]!;
  if (w.arrivalsTotal !== inSystem + w.exitsTotal) bad.push(`arrivals ${w.arrivalsTotal} ≠ in system ${inSystem} + exits ${w.exitsTotal}`);
  for (let i = 0; i < k.n; i++) {
    if (withN[i] !== k.withN[i]) bad.push(`CLW ${i}: ${withN[i]} clients in sessions but caseload says ${k.withN[i]}`);
    if (heldN[i] !== k.heldN[i]) bad.push(`CLW ${i}: holds ${heldN[i]} waiting clients but caseload says ${k.heldN[i]}`);
    if (k.waitN[i]! < 0) bad.push(`CLW ${i}: negative waiting list`);
  }
  let waitClw = 0;
  for (let i = 0; i < k.n; i++) waitClw += k.waitN[i]!;
  if (waitClw !== count[S.WAIT_CLW]) bad.push(`CLW waiting lists hold ${waitClw} but ${count[S.WAIT_CLW]} clients are waiting for a CLW`);
  for (let j = 0; j < t.n; j++) {
    if (t.waitN[j] !== waitN[j]) bad.push(`TSO ${j}: waiting list ${t.waitN[j]} but ${waitN[j]} live referrals`);
    if (t.engaged[j] !== engaged[j]) bad.push(`TSO ${j}: ${t.engaged[j]} engaged but ${engaged[j]} clients engaged there`);
    if (t.waitN[j]! < 0 || t.engaged[j]! < 0 || t.places[j]! < 0) bad.push(`TSO ${j}: negative waiting list, engaged or places`);
    if (!t.open[j] && (t.engaged[j]! > 0 || t.waitN[j]! > 0)) bad.push(`TSO ${j}: closed but still has clients`);
  }
  for (let ti = 0; ti < byType.length; ti++) if (byType[ti] !== w.waitingByType[ti]) bad.push(`TSO type ${ti}: ${byType[ti]} people waiting but the count says ${w.waitingByType[ti]}`);
  if (Math.abs(gp - w.gpRateSum) > 1e-6 * Math.max(1, gp)) bad.push(`GP rate sum ${w.gpRateSum} ≠ Σ client rates ${gp}`);
  for (let s = 0; s < 6; s++) if (Math.abs(gpBy[s]! - w.gpRateByState[s]!) > 1e-6 * Math.max(1, gp)) bad.push(`GP rate sum of state ${s} ${w.gpRateByState[s]} ≠ Σ its clients' rates ${gpBy[s]}`);
  if (metrics) for (let m = 0; m < metrics.length; m++) if (!Number.isFinite(metrics[m]!)) bad.push(`metric ${METRIC_NAMES[m] ?? m} is ${metrics[m]}`);
  return bad;
}
