import { describe, expect, test } from 'vitest';
import { runBar } from '../../src/cli/sweep.js';

function capture(quiet: boolean, tty: boolean) {
  let err = '';
  const bar = runBar({ out: () => {}, err: (s) => { err += s; } }, quiet, tty);
  for (let d = 1; d <= 10; d++) bar.update(d, 10);
  bar.end();
  return err;
}

describe('sweep progress', () => {
  test('a terminal gets a redrawn bar with runs done, runs/s and ETA', () => {
    const s = capture(false, true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal escape (ESC [K) is what is tested
    expect(s).toMatch(/^\r\x1b\[K\[#+\.+\] 1\/10 runs {2}[\d.]+ runs\/s {2}ETA \S+/);
    expect(s).toMatch(/\[#{30}\] 10\/10 runs/);
    expect(s).not.toMatch(/\n/);
    expect(s.endsWith('\r\x1b[K')).toBe(true); // the bar is cleared at the end
  });

  test('a log gets plain lines, not one per run', () => {
    const lines = capture(false, false).trim().split('\n');
    expect(lines.length).toBeLessThan(10);
    expect(lines[lines.length - 1]).toMatch(/^10\/10 runs {2}[\d.]+ runs\/s {2}ETA 0s$/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a log must carry no terminal escape (ESC)
    expect(lines.join('')).not.toMatch(/\x1b/);
  });

  test('--quiet prints nothing', () => {
    expect(capture(true, true)).toBe('');
    expect(capture(true, false)).toBe('');
  });
});
