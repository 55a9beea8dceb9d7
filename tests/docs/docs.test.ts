import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { paramsMarkdown, scenarioJsonSchema } from '../../src/io/paramsDoc.js';
import { leaves } from '../../src/model/params.js';
import { MATRIX_ROWS } from '../../src/model/matrix.js';
import { METRICS } from '../../src/model/metrics.js';

describe('provenance that cannot drift', () => {
  test('docs/parameters.md is exactly what the schema generates (regenerate: npm run docs)', () => {
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(paramsMarkdown());
  });

  test('docs/scenario.schema.json is exactly what the schema generates', () => {
    expect(readFileSync('docs/scenario.schema.json', 'utf8')).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  test('every parameter has a default, a unit, a range, a description and a provenance line', () => {
    for (const { path, spec } of leaves()) {
      expect(spec.description.length, path).toBeGreaterThan(10);
      expect(spec.source, path).toMatch(/Allbutt|Evidence|Assumption|Lever/);
      if (spec.kind === 'number') {
        expect(spec.unit.length, path).toBeGreaterThan(0);
        expect(spec.min, path).toBeLessThanOrEqual(spec.default);
        expect(spec.max, path).toBeGreaterThanOrEqual(spec.default);
      } else expect(spec.values, path).toContain(spec.default);
    }
  });

  test('every quoted line of the paper exists', () => {
    const paper = readFileSync('../shared/source/allbutt-2025-third-sector-clw-referrals.txt', 'utf8').split('\n');
    for (const { path, spec } of leaves()) {
      for (const m of spec.source.matchAll(/"([^"]{12,})"[^"]*?\(Allbutt L(\d+)/g)) {
        const words = m[1]!.split(/\.\.\.|…/)[0]!.trim().split(/\s+/).slice(0, 5).join(' ');
        expect(paper[Number(m[2]) - 1] ?? '', `${path}: "${words}" not on line ${m[2]}`).toContain(words.replace(/^"|"$/g, ''));
      }
    }
  });

  test('every mechanism module names its realist-matrix rows', () => {
    for (const f of readdirSync('src/model/mechanisms')) {
      const text = readFileSync(`src/model/mechanisms/${f}`, 'utf8');
      expect(text, f).toMatch(/Realist matrix/);
    }
    expect(Object.keys(MATRIX_ROWS).length).toBeGreaterThan(15);
  });

  test('every metric is defined with a unit in the docs', () => {
    const doc = readFileSync('docs/parameters.md', 'utf8');
    for (const m of METRICS) expect(doc).toContain(`| \`${m.name}\` | ${m.unit} |`);
  });
});
