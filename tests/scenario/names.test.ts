import { describe, expect, test } from 'vitest';
import { join, resolve, sep } from 'node:path';
import seedrandom from 'seedrandom';
import { comparisonFolderName, folderName, MAX_FOLDER_CHARS } from '../../src/scenario/names.js';
import { checkName } from '../../src/scenario/checks.js';

describe('folder names from scenario and sweep names (issue 13 item 1)', () => {
  test.each([
    ['baseline', 'baseline'],
    ['funding-cut', 'funding-cut'],
    ['v1.2_final', 'v1.2_final'],
    ['../../victim', 'victim'],
    ['/etc/passwd', 'etc_passwd'],
    ['..', 'unnamed'],
    ['...', 'unnamed'],
    ['.hidden', 'hidden'],
    ['Cut (30%)', 'Cut_30'],
    ['a\\b', 'a_b'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul.txt_'],
    ['Glasgow–Clyde', 'Glasgow_Clyde'],
  ])('%j → %j', (name, folder) => {
    expect(folderName(name)).toBe(folder);
  });

  test('any name a scenario file accepts is one plain segment inside output/', () => {
    const rng = seedrandom('names');
    const alphabet = ['a', 'Z', '0', '.', '..', '/', '\\', '-', '_', ' ', '%', '~', 'é', '😀', ':', '*', '?', '"', '<', '|'];
    for (let i = 0; i < 3000; i++) {
      const name = Array.from({ length: 1 + Math.floor(rng() * 40) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
      let ok = true;
      try {
        checkName('f.yaml', name);
      } catch {
        ok = false;
      }
      if (!ok) continue;
      const f = folderName(name);
      expect(f, name).toMatch(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/);
      expect(f.length).toBeLessThanOrEqual(MAX_FOLDER_CHARS + 1);
      const out = resolve('output');
      expect(resolve(join('output', f)).startsWith(out + sep), name).toBe(true);
    }
  });

  test('a comparison folder stays short with many scenarios', () => {
    expect(comparisonFolderName('baseline', ['funding-cut'])).toBe('funding-cut-vs-baseline');
    expect(comparisonFolderName('../b', ['../x', 'y'])).toBe('x+y-vs-b');
    const many = Array.from({ length: 30 }, (_, i) => `scenario-number-${i}`);
    expect(comparisonFolderName('baseline', many)).toBe('scenario-number-0+29-more-vs-baseline');
  });
});
