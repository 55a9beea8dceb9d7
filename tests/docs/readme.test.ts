/** The README's facts that code can check: the city's size, the pictures, the run output shown. */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadScenario } from '../../src/io/scenario.js';
import { KEY_METRICS } from '../../src/cli/summaryText.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  test('the bundled city as the baseline scenario defines it', () => {
    const p = loadScenario('scenarios/baseline.yaml').params;
    const c = p.tso.count;
    expect(readme).toContain(`${p.clw.count} link workers,\n${c.crisis + c.mh + c.activity + c.specialist} third-sector organisations (${c.crisis} crisis, ${c.mh} mental health, ${c.activity} community activity, ${c.specialist} specialist)`);
  });

  test('its pictures exist and are small', () => {
    for (const m of readme.matchAll(/!\[[^\]]+\]\((docs\/images\/[^)]+\.png)\)/g)) {
      expect(existsSync(m[1]!), m[1]).toBe(true);
      expect(statSync(m[1]!).size, m[1]).toBeLessThan(400_000);
    }
    expect([...readme.matchAll(/!\[/g)].length).toBe(2);
  });

  test('what run prints lists the key metrics in the order the CLI prints them', () => {
    const shown = [...readme.matchAll(/^ {2}([a-z_]+) +[\d.]+ \(/gm)].map((m) => m[1]);
    expect(shown).toEqual(KEY_METRICS);
  });
});
