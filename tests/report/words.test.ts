/**
 * Plain words and sign flips: abbreviations spelt out once, changes and chances in words,
 * parameters by their description, the title from the scenarios' descriptions, and a bottom line
 * whose sign flips inside the plausible range said so, with its probability.
 */
import { describe, expect, test } from 'vitest';
import { changeWords, chance, chanceWords, Glossary, likelihood, paramLabel } from '../../src/report/words.js';
import { flipEnds, flipParagraph, flipPhrase } from '../../src/report/flips.js';
import { reportTitle } from '../../src/report/html.js';
import { specAt } from '../../src/model/params.js';
import { defaultScenario } from '../../src/scenario/build.js';
import type { CostRow } from '../../src/report/costs.js';
import type { Sensitivity, SensitivityRow } from '../../src/report/sensitivity.js';
import type { Arm } from '../../src/report/arms.js';

const text = (m: { html: string } | undefined) => m?.html.replace(/<[^>]+>/g, '') ?? '';

describe('plain words', () => {
  test('each abbreviation is spelt out at its first use only, whichever form comes first', () => {
    const g = new Glossary();
    expect(g.expand('Crisis TSO grants cut; TSOs close')).toBe('Crisis third-sector organisation (TSO) grants cut; TSOs close');
    expect(g.expand('More TSOs and a CLW')).toBe('More TSOs and a community link worker (CLW)');
    expect(g.expand('Two CLWs')).toBe('Two CLWs');
    expect(new Glossary().expand('Grants to TSOs')).toBe('Grants to third-sector organisations (TSOs)');
  });

  test('changes, chances and parameters', () => {
    expect([changeWords(16.5, 8.3), changeWords(53, 834), changeWords(10, 20), changeWords(10, 25), changeWords(10, 14.3), changeWords(10, 0)])
      .toEqual(['halved', '16 times the baseline', 'doubled', '2.5 times the baseline', 'up 43%', 'down to none']);
    expect([likelihood(1), likelihood(0.95), likelihood(0.7), likelihood(0.5), likelihood(0.125), likelihood(0)])
      .toEqual(['virtually certain', 'very likely', 'likely', 'about as likely as not', 'unlikely', 'exceptionally unlikely']);
    expect(chance(0.125, 40, false)).toBe('in 5 of 40 paired runs');
    expect(chance(0.125, 40, true)).toBe('in 13% of the plausible worlds drawn');
    expect(chanceWords(1, 40, false)).toBe('virtually certain: 40 of 40 paired runs');
    expect(chanceWords(1, 3, false)).toBe('3 of 3 paired runs'); // too few pairs for calibrated words
    const label = (p: string) => paramLabel(p, specAt(p)!.description);
    expect(label('demand.level')).toBe('demand level');
    expect(label('clw.count')).toBe('number of community link workers');
    expect(label('demand.referralsPerClwWeek')).toBe('mean new GP referrals to each CLW per week');
    expect(label('tso.fundingPerYear.activity')).toBe('grant funding per TSO for work with CLW-referred clients, community activity');
  });

  test('the title is the scenarios\' descriptions, not their file names', () => {
    const arm = (name: string, description: string): Arm => ({ scenario: defaultScenario({ name, description }), runs: [] });
    const base = arm('baseline', 'One city, stable funding');
    expect(reportTitle(base, [arm('funding-cut', 'Grants cut by 30% from week 52')])).toEqual({ title: 'Grants cut by 30% from week 52', versus: 'Compared with the baseline: One city, stable funding' });
    expect(reportTitle(base, []).title).toBe('One city, stable funding');
    expect(reportTitle(base, [arm('a', 'Option A'), arm('b', '')]).title).toBe('2 options: Option A (a); b (b)');
  });
});

const net = (diff: number, pSaving: number, pMore: number, n = 40): CostRow => ({
  scenario: 'cut', component: 'net', period: 'per_year', from: 209, to: 260, baseline: 1e6, value: 1e6 + diff, diff,
  diffLow: diff - 40000, diffHigh: diff + 40000, n, pSaving, pMore, source: 's',
});
const row = (path: string, value: number, low: number, high: number, effectLow: number, effectHigh: number, effectRef: number): SensitivityRow => ({
  path, description: specAt(path)!.description, unit: '', source: '', value, low, high, effectLow, effectHigh, effectRef, swing: Math.abs(effectHigh - effectLow), method: 'simulated', reps: 3,
});
const sens = (rows: SensitivityRow[]): Sensitivity => ({ scenario: 'cut', outcome: 'net', delta: 0.25, screened: 100, screenReps: 1, rows });

describe('a bottom line whose sign flips inside the plausible range', () => {
  const s = sens([
    row('demand.level', 1, 0.75, 1.25, -470500, 427700, -112100),
    row('clw.caseloadCap', 25, 18.8, 31.3, -200000, -50000, -112100), // keeps its sign: not a flip
    row('clw.count', 25, 19, 31, -393700, 319800, -112100),
  ]);

  test('the ranking\'s ends that change the sign, from the same replications as the table', () => {
    expect(flipEnds(s, 'cut').map((f) => [f.row.path, f.end])).toEqual([['demand.level', 'high'], ['clw.count', 'high']]);
    expect(flipEnds(s, 'other')).toEqual([]);
  });

  test('said in words, with the chance of the other sign over the pairs (chance alone, no posterior)', () => {
    const p = text(flipParagraph([net(-133200, 0.875, 0.125)], 'cut', s, false));
    expect(p).toContain('is a saving on average, but it costs more in 5 of 40 paired runs (unlikely), with the assumptions as set.');
    expect(p).toContain('a saving at the central values of the assumptions table (−£112,100 a year) but turns to a cost if the demand level is 25% higher (1.25 instead of 1): +£427,700 a year, or if the number of community link workers is 24% higher (31 instead of 25): +£319,800 a year.');
    expect(flipPhrase([net(-133200, 0.875, 0.125)], 'cut', s, false)).toBe(', but a cost if the demand level is 25% higher (1.25 instead of 1)');
  });

  test('with posterior draws, the probability is over plausible worlds', () => {
    const p = text(flipParagraph([net(-254700, 0.95, 0.05)], 'cut', undefined, true));
    expect(p).toBe('The net effect over weeks 209–260 is a saving on average, but it costs more in 5% of the plausible worlds drawn (very unlikely). ');
    expect(flipPhrase([net(-254700, 0.95, 0.05)], 'cut', undefined, true)).toBe(', though it costs more in 5% of the plausible worlds drawn');
  });

  test('no flip anywhere: nothing said; too few replications: nothing claimed', () => {
    expect(flipParagraph([net(-133200, 1, 0)], 'cut', sens([s.rows[1]!]), false)).toBeUndefined();
    expect(flipPhrase([net(-133200, 1, 0)], 'cut', sens([s.rows[1]!]), false)).toBe('');
    expect(flipParagraph([net(-133200, 0.5, 0.5, 2)], 'cut', s, false)).toBeUndefined();
  });
});
