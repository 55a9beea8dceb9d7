/** Guided "try this" cards: each sets up a scenario and levers, then asks a question. */
import type { TsoType } from '../model/params.js';

export interface Exercise {
  id: string;
  title: string;
  scenario: string;
  levers?: Record<string, number>;
  cut?: { size: number; week: number; types: TsoType[] };
  /** Filled into "Pause at week", so the run stops where the next step begins. */
  pauseAt?: number;
  steps: string[];
  question: string;
}

export const EXERCISES: Exercise[] = [
  {
    id: 'cut-restore', title: '1. Cut, then restore: does trust come back?', scenario: 'baseline',
    cut: { size: 40, week: 104, types: ['crisis', 'mh', 'activity'] }, pauseAt: 182,
    steps: ['Press Run. The cut of 40% to crisis, mental-health and activity grants starts at week 104, after the two-year warm-up (mark 1 on the charts); the run pauses at week 182.',
      'Drag "Cut size" back to 0% and press Run: grants are restored from week 183 (a new mark).'],
    question: 'Do trust and the number of active TSOs return to where they were? Which loop dominates after the cut, and after the restoration? (Closed TSOs do not reopen by themselves. The scenario funding-cut-restored is the same story, ready-made.)',
  },
  {
    id: 'virtuous', title: '2. The virtuous circle', scenario: 'virtuous-circle',
    steps: ['Press Run and let it finish. Then pick "baseline" in Scenario and press Setup: the virtuous-circle run stays as a faint grey line.',
      'Press Run again and compare the two runs on every chart.'],
    question: 'How much higher is trust with experienced CLWs who accompany and follow up? Which links of R1 are thicker, and why does drop-out differ?',
  },
  {
    id: 'scattergun', title: '3. Gaming the waiting lists', scenario: 'baseline', pauseAt: 104,
    steps: ['Press Run; it pauses at week 104. Drag "Scattergun share" to 0.6 and press Run.',
      'Watch the waiting lists, the links of R2 (scattergun → duplicates → trust) and the TSO cells coloured by trust.'],
    question: 'Scattergun referral is meant to get clients seen sooner. Does it shorten the waiting lists? What happens to trust and drop-out?',
  },
  {
    id: 'demand', title: '4. A demand surge and the GP loop', scenario: 'baseline', pauseAt: 104,
    steps: ['Press Run; it pauses at week 104, after the two-year warm-up. Drag "Demand level" to 1.6 (a post-COVID surge) and press Run.',
      'Watch CLW caseloads (bars turn orange and red), handholding and follow-up fade (R3), and GP attendances.'],
    question: 'Which balancing loop stops the CLWs being overwhelmed, and what does it cost the clients? Bring demand back to 1: how long does recovery take?',
  },
  {
    id: 'loop', title: '5. The trust loop: one level or two?', scenario: 'baseline', pauseAt: 104,
    steps: ['Press Run; it pauses at week 104. Drag "Over-referral" to 0.6, type 182 in "Pause at week" and press Run: TSOs read the unready referrals and trust falls.',
      'Drag "Over-referral" back to 0.1 and press Run to the end. Watch trust and the links of R1 on the way back.'],
    question: 'Does trust come back to where it was, or has the system tipped into a lower level it stays in? Is the way back as fast as the way down? (`clwsim loops` sweeps over-referral, CLW pressure and funding slowly up and down from high and low starting trust: one long-run level, or two?)',
  },
];
