/**
 * Step 9. TSO trust in the CLW service.
 * Each week a TSO weighs the week's signals: appropriate referrals, follow-ups and completed
 * placements (+); inappropriate, unready or duplicate referrals and drop-outs (−). Trust moves
 * towards the share of good signals by exponential smoothing, faster downwards than upwards
 * (negativity bias), and at a rate that grows with the volume of signals. A TSO that has
 * heard nothing for weeks feels forgotten and trust decays. Cuts cost trust in funding.ts.
 * Trust feeds back: trusting TSOs stretch capacity (funding.ts), refuse fewer referrals and
 * share what they offer (referral.ts), and clients placed there stay longer (engagement.ts).
 * Realist matrix: F3 "CLWs developing positive relationships with TSOs" → "increased TSO trust
 * in CLW service", "more facilitative environment for TSO/CLW collaboration"; U2
 * "under-referral" ("we are forgotten"); U3 "failure to follow up" (bad signals weigh more);
 * U6 "TSO perceptions of inequitable partnerships" (a distrustful TSO reads the week's signals
 * through its distrust).
 * Evidence: §3 (Rescorla-Wagner / exponential smoothing; asymmetry η₋/η₊ = 2), §4 (T₀, η).
 */
import type { World } from '../world.js';
import type { Mechanism } from '../mechanism.js';
import { logit, logistic } from '../math.js';

export const updateTrust: Mechanism = {
  id: 'trust', step: '9', title: 'trust', module: 'trust.ts', rows: ['F3', 'U2', 'U3', 'U6'], fn: weighSignals,
};

function weighSignals(w: World): void {
  const { p, tsos: t } = w;
  const tr = p.trust;
  const lo = tr.signalClamp;
  for (let j = 0; j < t.n; j++) {
    if (!t.open[j]) continue;
    const pos = t.pos[j]!;
    const neg = t.neg[j]!;
    const n = pos + neg;
    const T = t.trust[j]!;
    w.wk.signalPos += pos;
    w.wk.signalNeg += neg;
    if (n > 0) {
      // The week's signals, read through current trust (confirmation bias, in log-odds).
      const raw = Math.min(1 - lo, Math.max(lo, pos / n));
      const Tc = Math.min(1 - lo, Math.max(lo, T));
      const E = logistic(logit(raw) + tr.confirmationBias * logit(Tc));
      const eta = (E >= T ? tr.etaUp : tr.etaDown) * Math.min(1, n / tr.volumeRef);
      t.trust[j] = T + eta * (E - T);
    } else if (w.week - t.lastReferral[j]! > tr.silenceWeeks) {
      t.trust[j] = T - tr.etaDown * tr.silenceRate * T; // forgotten: drift towards distrust
    }
    t.pos[j] = 0;
    t.neg[j] = 0;
  }
}
