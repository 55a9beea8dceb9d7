/**
 * What each pattern proves, checked on the source (no simulation):
 * - an emergent pattern's lever (every parameter that differs between its arms, and those a
 *   scenario's interventions set) occurs in none of the modules where its metric is computed
 *   (src/patterns/formula.ts), except modules the pattern exempts, each with its reason;
 * - that list of modules holds every module that writes a weekly counter, trust, a trust signal,
 *   wellbeing or pressure the metric reads, so a new writer cannot slip past the check;
 * - a mechanism pattern names the unit test beside its mechanism, which names the pattern.
 * Necessary, not sufficient: a lever that reaches a formula through a quantity set in another
 * module passes this check; `how` says how each effect travels, and docs/ODD.md section 9 how the
 * split was made.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PATTERNS, type Pattern } from '../../src/patterns/definitions.js';
import { METRIC_FORMULA } from '../../src/patterns/formula.js';
import { armScenario } from '../../src/patterns/run.js';
import { METRICS } from '../../src/model/metrics.js';
import { TSO_TYPES, getParam, leaves } from '../../src/model/params.js';

const MODEL = 'src/model/';
const modules = (readdirSync(MODEL, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).filter((f) => f.endsWith('.ts'));
/** Source without comments: a parameter named in a comment is not in a formula. */
const code = (m: string) => readFileSync(MODEL + m, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const CODE = new Map(modules.map((m) => [m, code(m)]));

/** The parameter paths that differ between a pattern's arms, including those its scenarios' interventions set. */
function leverPaths(p: Pattern): string[] {
  const o = { weeks: 260, seed: 1, reps: 1 };
  const [c, t] = [armScenario(p.control, o), armScenario(p.treatment, o)];
  const paths = leaves().map((l) => l.path).filter((path) => getParam(c.params, path) !== getParam(t.params, path));
  const ivs = (s: typeof c) => s.interventions.map((iv) => JSON.stringify(iv));
  for (const iv of [...c.interventions, ...t.interventions])
    if (ivs(c).includes(JSON.stringify(iv)) !== ivs(t).includes(JSON.stringify(iv))) paths.push(...Object.keys(iv.set));
  return [...new Set(paths)];
}

/** How a parameter appears in code: its last name, or its parent's for a per-type leaf (p.funding.multiplier[type]). */
const token = (path: string) => {
  const parts = path.split('.');
  const leaf = parts.at(-1)!;
  return (TSO_TYPES as readonly string[]).includes(leaf) ? parts.at(-2)! : leaf;
};
const occurs = (tok: string, m: string) => new RegExp(`\\b${tok}\\b`).test(CODE.get(m) ?? '');

/** Modules whose code matches a writer of what a metric reads. */
const writers = (re: RegExp) => modules.filter((m) => m !== 'metrics.ts' && re.test(CODE.get(m)!));
const STATE_WRITERS: Record<string, RegExp> = {
  trust: /\btrust\[[^\]]+\]!?\s*=[^=]|\.(pos|neg)\[[^\]]+\]!?\s*\+=/,
  wellbeing: /\bsetWellbeing\(w,/,
  pressure: /\bpressure\[[^\]]+\]!?\s*=[^=]/,
  gpRateExited: /\bgpRateOf\(/,
};
/** Tally fields that are counts of people in a state (queues and stocks of people): no formula beyond the count. */
const COUNTS = new Set(['waitPeople', 'waitPeopleMh', 'clwWaitlist', 'observed', 'exited', 'inSystem', 'open', 'clws']);

const emergent = PATTERNS.filter((p) => p.kind === 'emergent');
const mechanism = PATTERNS.filter((p) => p.kind === 'mechanism');

describe('emergent: the lever is not in the formula of the metric', () => {
  test('every module named in the formulas exists', () => {
    for (const f of Object.values(METRIC_FORMULA)) for (const m of f!.modules) expect(CODE.has(m), m).toBe(true);
  });

  for (const p of emergent)
    test(`${p.id}: ${p.lever} is not in how ${p.metric} is computed`, () => {
      const formula = METRIC_FORMULA[p.metric];
      expect(formula, `${p.metric} has no entry in src/patterns/formula.ts`).toBeDefined();
      const tokens = leverPaths(p).map(token);
      expect(tokens.length, 'the arms do not differ').toBeGreaterThan(0);
      for (const m of formula!.modules) {
        const found = tokens.filter((tok) => occurs(tok, m));
        const why = p.exempt?.[m];
        if (why === undefined) expect(found, `${p.lever} occurs in ${m}, part of ${p.metric}'s formula`).toEqual([]);
        else {
          expect(found.length, `exempt ${m}, but the lever does not occur there`).toBeGreaterThan(0);
          expect(why.length).toBeGreaterThan(40);
        }
      }
      for (const m of Object.keys(p.exempt ?? {})) expect(formula!.modules, `exempts ${m}, not part of the formula`).toContain(m);
      expect(p.how.length).toBeGreaterThan(30);
      expect(p.test).toBeUndefined();
    });

  test('each formula lists every module that writes what its metric reads', () => {
    for (const [name, f] of Object.entries(METRIC_FORMULA)) {
      const src = METRICS.find((m) => m.name === name)!.value.toString();
      const want = new Set<string>();
      for (const [, field] of src.matchAll(/wk\.(\w+)/g)) for (const m of writers(new RegExp(`wk\\.${field}\\s*(\\+\\+|\\+=|-=|--|=[^=])`))) want.add(m);
      for (const [, field] of src.matchAll(/\bs\.(\w+)/g)) {
        if (COUNTS.has(field!)) continue;
        const re = STATE_WRITERS[field!];
        expect(re, `${name} reads s.${field}: say who writes it (STATE_WRITERS) or that it is a count (COUNTS)`).toBeDefined();
        for (const m of writers(re!)) want.add(m);
      }
      const missing = [...want].filter((m) => m !== 'measure.ts' && !f!.modules.includes(m));
      expect(missing, `${name}: modules that write what it reads`).toEqual([]);
    }
  });
});

describe('mechanism: a rule with a unit test beside its module', () => {
  for (const p of mechanism)
    test(`${p.id}: ${p.test}`, () => {
      expect(p.test, 'names no unit test').toMatch(/^tests\/model\/\w+\.test\.ts$/);
      expect(existsSync(p.test!), `${p.test} does not exist`).toBe(true);
      expect(readFileSync(p.test!, 'utf8'), `${p.test} does not test ${p.id}`).toMatch(new RegExp(`test\\('[^']*(?<![\\w-])${p.id}(?![\\w-])`));
      expect(p.exempt).toBeUndefined();
    });
});

describe('the split', () => {
  test('at least 20 emergent patterns, and one for each row the issue names', () => {
    expect(emergent.length).toBeGreaterThanOrEqual(20);
    for (const row of ['U1', 'U3', 'U4', 'U8', 'F2', 'F3', 'F5', 'C3'] as const) expect(emergent.some((p) => p.rows.includes(row)), row).toBe(true);
  });

  test('pattern ids are unique', () => {
    expect(new Set(PATTERNS.map((p) => p.id)).size).toBe(PATTERNS.length);
  });
});
