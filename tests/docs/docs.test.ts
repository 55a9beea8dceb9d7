import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { paramsMarkdown, scenarioJsonSchema } from '../../src/io/paramsDoc.js';
import { leaves } from '../../src/model/params.js';
import { MATRIX_ROWS } from '../../src/model/matrix.js';
import { METRICS, TYPE_METRICS } from '../../src/model/metrics.js';

/**
 * The evidence sections a text cites: every §-id on a line that says "Evidence", so lists and
 * ranges count ("Evidence §1b/§4", "Evidence §3-4", "Evidence: §1d-1e (…), §4 (…)").
 */
function evidenceCited(text: string): string[] {
  return text.split('\n').filter((l) => l.includes('Evidence'))
    .flatMap((l) => [...l.matchAll(/§(\d+[a-z]?)(?:[-–](\d+[a-z]?))?/g)].flatMap((m) => (m[2] ? [m[1]!, m[2]] : [m[1]!])));
}

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
    const paper = readFileSync('docs/source/allbutt-2025-third-sector-clw-referrals.txt', 'utf8').split('\n');
    for (const { path, spec } of leaves()) {
      for (const m of spec.source.matchAll(/"([^"]{12,})"[^"]*?\(Allbutt L(\d+)/g)) {
        const words = m[1]!.split(/\.\.\.|…/)[0]!.trim().split(/\s+/).slice(0, 5).join(' ');
        expect(paper[Number(m[2]) - 1] ?? '', `${path}: "${words}" not on line ${m[2]}`).toContain(words.replace(/^"|"$/g, ''));
      }
    }
  });

  test('every "Evidence §x" a parameter or a source file cites is a section of docs/evidence.md', () => {
    const sections = new Set([...readFileSync('docs/evidence.md', 'utf8').matchAll(/^#+ §(\d+[a-z]?) /gm)].map((m) => m[1]));
    expect([...sections].sort()).toEqual(expect.arrayContaining(['1a', '1e', '2', '3', '4']));
    let n = 0;
    for (const { path, spec } of leaves()) {
      for (const id of evidenceCited(spec.source)) {
        n++;
        expect(sections.has(id), `${path}: Evidence §${id} is not a heading of docs/evidence.md`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(20); // the pattern still finds the citations
    for (const f of readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))) {
      for (const id of evidenceCited(readFileSync(`src/${f}`, 'utf8'))) expect(sections.has(id), `src/${f}: Evidence §${id}`).toBe(true);
    }
  });

  test('the citation reader finds lists and ranges, and skips placeholders', () => {
    expect(evidenceCited('Evidence §1b/§4: x; Evidence §3-4: y')).toEqual(['1b', '4', '3', '4']);
    expect(evidenceCited(' * Evidence: §1d-1e (grants), §4 (closure)\n * §9 is not on an evidence line')).toEqual(['1d', '1e', '4']);
    expect(evidenceCited('"Evidence §x" a section')).toEqual([]);
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
    for (const m of TYPE_METRICS) expect(doc).toContain(`| \`${m.name}\` | ${m.unit} |`);
  });
});
