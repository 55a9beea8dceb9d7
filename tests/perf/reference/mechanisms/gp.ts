/**
 * Step 8. GP attendance and other statutory contacts.
 * Every client in the system, and every exited client for a follow-up window, consults the GP
 * at a personal rate that depends on their state (higher while need is unmet, lower while
 * engaged, lower still after a completed, well-matched programme) and falls as wellbeing rises
 * (lifecycle.ts keeps each rate and their sum current at each event). The week's consultations
 * are one Poisson draw on the summed rate, so no client is ticked. Other statutory contacts
 * (A&E, social work, police) follow the same logic at their own ratio.
 * Realist matrix: long-term outcomes "reduced GP and other statutory support attendance"
 * (favourable) and "increased use of GP and other statutory support attendance" (unfavourable).
 * Evidence: §1c (8.6-10 consultations/yr for SP-referred patients; −28% GP demand, weak).
 */
import type { World } from '../world.js';

export function gpAttendance(w: World): void {
  const lambda = Math.max(0, w.gpRateSum);
  w.wk.gpAttendances = w.dist.gp.poisson(lambda);
  w.wk.statutoryContacts = w.dist.gp.poisson(lambda * w.p.gp.otherStatutoryRatio);
}
