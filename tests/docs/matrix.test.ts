import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { matrixMarkdown, MECHANISMS } from '../../src/docs/matrix.js';
import { PATTERNS } from '../../src/patterns/definitions.js';
import { SCHEDULE } from '../../src/model/simulate.js';
import { MATRIX_ROWS, UNMODELLED, type MatrixRow } from '../../src/model/matrix.js';
import { METRICS } from '../../src/model/metrics.js';
import type { Mechanism } from '../../src/model/mechanism.js';

const DIR = 'src/model/mechanisms';
const ROW = /\b[FUC]\d\b/g;
const isMechanism = (x: unknown): x is Mechanism =>
  typeof x === 'object' && x !== null && typeof (x as Mechanism).fn === 'function' && typeof (x as Mechanism).step === 'string';
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** The mechanism objects each module file exports. */
async function exported(): Promise<Array<{ file: string; header: string; mechanisms: Mechanism[] }>> {
  const out = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(/* @vite-ignore */ `../../${DIR}/${file}`)) as Record<string, unknown>;
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const header = text.slice(0, text.indexOf('*/'));
    out.push({ file, header, mechanisms: Object.values(mod).filter(isMechanism) });
  }
  return out;
}

/** A step label in week order: '4c' → [4, 'c']. */
const stepKey = (s: string) => {
  const m = /^(\d+)([a-z]?)$/.exec(s);
  if (!m) throw new Error(`step "${s}" is not a number with an optional letter`);
  return Number(m[1]) * 100 + (m[2] ? m[2].charCodeAt(0) - 96 : 0);
};

describe('the realist matrix as data (docs/matrix.md)', () => {
  test('docs/matrix.md is exactly what the generator makes (regenerate: npm run docs)', () => {
    expect(readFileSync('docs/matrix.md', 'utf8')).toBe(matrixMarkdown(PATTERNS));
  });

  test('every mechanism has rows, all of them ids of the matrix', () => {
    for (const m of MECHANISMS) {
      expect(m.rows.length, m.id).toBeGreaterThan(0);
      for (const r of m.rows) expect(Object.keys(MATRIX_ROWS), `${m.id}: ${r}`).toContain(r);
    }
  });

  test('each module header names exactly the rows and steps of the mechanisms it exports', async () => {
    for (const { file, header, mechanisms } of await exported()) {
      expect(mechanisms.length, `${file} exports no mechanism`).toBeGreaterThan(0);
      for (const m of mechanisms) expect(m.module, m.id).toBe(file);
      const matrix = /Realist matrix:([\s\S]*?)(?:\n \* Evidence:|$)/.exec(header);
      expect(matrix, `${file}: no "Realist matrix:" paragraph`).not.toBeNull();
      expect(sorted(matrix![1]!.match(ROW) ?? []), `${file}: rows named in the header`).toEqual(sorted(mechanisms.flatMap((m) => m.rows)));
      const steps = /^\/\*\*\n \* Steps? ([^.]+)\./.exec(header);
      expect(steps, `${file}: header does not open with "Step …."`).not.toBeNull();
      expect(sorted(steps![1]!.split(/,\s*|\s+and\s+/)), `${file}: steps in the header`).toEqual(sorted(mechanisms.map((m) => m.step)));
    }
  });

  test('every exported mechanism runs once: step 0 is the setup, the schedule holds the rest, each step once and in order', async () => {
    const all = (await exported()).flatMap((e) => e.mechanisms);
    expect(sorted(all.map((m) => m.id))).toEqual(sorted(MECHANISMS.map((m) => m.id)));
    expect(new Set(MECHANISMS).size).toBe(MECHANISMS.length);
    expect(MECHANISMS[0]!.step).toBe('0');
    const steps = SCHEDULE.map((m) => m.step);
    expect(new Set(steps).size, 'a step appears twice').toBe(steps.length);
    expect(new Set(SCHEDULE.map((m) => m.id)).size).toBe(SCHEDULE.length);
    expect(steps.map(stepKey)).toEqual(steps.map(stepKey).sort((a, b) => a - b));
    expect(steps).not.toContain('0');
  });

  test('a row no mechanism carries says why; a row with a mechanism has no such note', () => {
    for (const id of Object.keys(MATRIX_ROWS) as MatrixRow[]) {
      const carried = MECHANISMS.some((m) => m.rows.includes(id));
      expect(carried || (UNMODELLED[id] ?? '').length > 20, `${id}: no mechanism and no reason`).toBe(true);
      if (carried) expect(UNMODELLED[id], `${id} has a mechanism`).toBeUndefined();
    }
  });

  test('every output metric names the rows it observes, and a pattern tests a row through a metric that observes it', () => {
    for (const m of METRICS) expect(m.rows.length, m.name).toBeGreaterThan(0);
    for (const p of PATTERNS) {
      const metric = METRICS.find((m) => m.name === p.metric)!;
      for (const r of p.rows) expect(metric.rows as readonly string[], `pattern ${p.id}: ${p.metric} does not observe ${r}`).toContain(r);
    }
  });
});
