/**
 * The paper as an executable spec: each claim of the realist matrix (Table 2 of Allbutt et al.
 * 2025) as a paired experiment (types.ts), emergent (emergent.ts) or a check of one rule
 * (rules.ts). `clwsim patterns` runs them all (run.ts); docs/ODD.md section 9 reports them.
 */
import { EMERGENT } from './emergent.js';
import { RULES } from './rules.js';
import type { Pattern } from './types.js';

export { WHOLE_RUN, type Arm, type Pattern, type PatternKind } from './types.js';

export const PATTERNS: Pattern[] = [
  ...EMERGENT.map((d): Pattern => ({ ...d, kind: 'emergent' })),
  ...RULES.map((d): Pattern => ({ ...d, kind: 'mechanism' })),
];
