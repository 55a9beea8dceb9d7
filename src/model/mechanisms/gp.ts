/**
 * Step 8. GP attendance and other statutory contacts.
 * Every client in the system, and every exited client for a follow-up window, consults the GP
 * at a personal rate that depends on their state (higher while need is unmet, lower while
 * engaged, lower still after a completed, well-matched programme) and falls as wellbeing rises
 * (lifecycle.ts keeps each rate and their sum current at each event). The week's consultations
 * are one Poisson draw on the summed rate, so no client is ticked. Other statutory contacts
 * (A&E, social work, police) follow the same logic at their own ratio.
 * Realist matrix: long-term outcomes "reduced GP and other statutory support attendance"
 * (favourable: after a completed programme, GP use falls with its match quality, F5 "match
 * clients to appropriate placements") and "increased use of GP and other statutory support
 * attendance" (unfavourable: unmet need, waiting or after leaving, raises it; U8 cuts "forcing
 * people ... into a crisis situation where they will make higher demands on the services").
 * Evidence: §1c (8.6-10 consultations/yr for SP-referred patients; −28% GP demand, weak).
 */
import type { World } from '../world.js';
import type { Mechanism } from '../mechanism.js';

export const attendGp: Mechanism = {
  id: 'gp', step: '8', title: 'GP attendance', module: 'gp.ts', rows: ['F5', 'U8'], fn: gpAttendance,
};

function gpAttendance(w: World): void {
  const lambda = Math.max(0, w.gpRateSum);
  w.wk.gpAttendances = w.dist.gp.poisson(lambda);
  w.wk.statutoryContacts = w.dist.gp.poisson(lambda * w.p.gp.otherStatutoryRatio);
}
