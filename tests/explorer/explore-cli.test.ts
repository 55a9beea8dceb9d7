/** `clwsim explore` and the pieces of the explorer that run without a browser. */
import { describe, test, expect, onTestFinished } from 'vitest';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/program.js';
import { Simulation } from '../../src/model/simulate.js';
import { trajectoriesCsv as cliCsv } from '../../src/scenario/tables.js';
import { trajectoriesCsv } from '../../src/explorer/trajectories.js';
import { LINKS, LOOPS, LoopMeter, NODES, inLoop, measureLinks } from '../../src/explorer/loops.js';
import { bundledScenarios } from '../../src/cli/explorerBuild.js';
import { Dominance, dominanceText, FROM_WEEK, MARGIN, MIN_SCORE } from '../../src/explorer/dominance.js';
import { scenario } from '../helpers.js';

describe('clwsim explore', () => {
  test('writes one self-contained page and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clwsim-explore-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'x', 'explorer.html');
    let printed = '';
    const code = await main(['explore', '--out', out, '--quiet'], { out: (s) => { printed += s; }, err: (s) => { throw new Error(s); } });
    expect(code).toBe(0);
    expect(printed.trim()).toBe(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/type="module"/); // module scripts are blocked from file://
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|importScripts\(/); // nothing fetched: works offline
    expect(html.match(/<\/script>/g)).toHaveLength(1); // the worker source inside cannot close the tag
    for (const s of bundledScenarios()) expect(new RegExp(`file"?:"${s.file}"`).test(html), s.file).toBe(true);
  });

  test('works from any folder, not only the clwsim folder (the default --out is relative to it)', () => {
    // A fresh process, as a user runs it: esbuild caches resolutions within one process.
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'clwsim-explore-cwd-')));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const url = (p: string) => JSON.stringify(pathToFileURL(resolve(p)).href);
    const script = `import { main } from ${url('src/cli/program.ts')}; process.exitCode = await main(['explore', '--quiet']);`;
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, '--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const page = join(dir, 'output', 'explorer', 'index.html');
    expect(r.stdout.trim()).toBe(page);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('explorer pieces', () => {
  test('its trajectories CSV equals the CLI formatter, also for a run stopped early', () => {
    const sc = scenario('baseline', { seed: 3, reps: 1, weeks: 70 });
    const sim = new Simulation(sc, 0);
    while (!sim.done) sim.step();
    expect(trajectoriesCsv(sim.result())).toBe(cliCsv([sim.result()]));
    const short = new Simulation(scenario('baseline', { seed: 3, reps: 1, weeks: 40 }), 0);
    while (!short.done) short.step();
    expect(trajectoriesCsv(sim.result(), 40)).toBe(cliCsv([short.result()]));
  });

  test('the loop diagram is well formed: signs, loop polarities, nodes', () => {
    const ids = new Set(NODES.map((n) => n.id));
    for (const l of LINKS) {
      expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
      expect(l.measure.length).toBeGreaterThan(10);
    }
    // A loop is reinforcing when it has an even number of negative links, balancing when odd.
    for (const loop of LOOPS) {
      const links = LINKS.filter((l) => inLoop(l, loop.id));
      expect(links.length).toBeGreaterThanOrEqual(2);
      const negatives = links.filter((l) => l.sign === '-').length;
      expect(negatives % 2 === 0 ? 'R' : 'B').toBe(loop.kind);
      // ... and its links close a cycle.
      const next = new Map(links.map((l) => [l.from, l.to]));
      let at = links[0]!.from;
      for (let k = 0; k < links.length; k++) at = next.get(at)!;
      expect(at).toBe(links[0]!.from);
    }
  });

  test('link strengths are shares read from the world, lit by a cut, and reading them changes nothing', () => {
    const cut = new Simulation(scenario('funding-cut', { seed: 5, reps: 1, weeks: 120 }), 0);
    const ref = new Simulation(scenario('funding-cut', { seed: 5, reps: 1, weeks: 120 }), 0);
    const meter = new LoopMeter(cut.world);
    const fundingLink = LINKS.findIndex((l) => l.from === 'funding');
    while (!cut.done) {
      const a = Array.from(cut.step());
      const b = Array.from(ref.step());
      meter.update(cut.world);
      expect(a).toEqual(b); // observation does not disturb the run
      for (const s of meter.raw) expect(s >= 0 && s <= 1).toBe(true);
      if (cut.week < 104) expect(meter.raw[fundingLink]).toBe(0);
    }
    expect(meter.raw[fundingLink]).toBeGreaterThan(0.1);
    const fresh = measureLinks(cut.world, Float64Array.from(cut.world.tsos.trust.subarray(0, cut.world.tsos.n)));
    expect(fresh[LINKS.findIndex((l) => l.from === 'referrals')]).toBe(0); // no trust movement against itself
  });

  test('a loop is named only once it clearly leads, and keeps its name while it stays on top', () => {
    const d = new Dominance();
    // LOOPS order: R1, R2, R3, B1, B2.
    const at = (week: number, ...score: number[]) => d.update(score, week);
    expect(at(1, 0.01, 0.02, 0, 0, 0)).toBe(-1); // the week-1 "R2 dominates" of issue 13
    expect(at(FROM_WEEK - 1, 0.6, 0.2, 0.1, 0, 0)).toBe(-1); // too early, however clear
    expect(at(FROM_WEEK, 0.6, 0.2, 0.1, 0, 0)).toBe(0);
    expect(at(FROM_WEEK + 1, 0.5, 0.5 - MARGIN / 2, 0.1, 0, 0)).toBe(0); // lead narrowed: still R1
    expect(at(FROM_WEEK + 2, 0.5, 0.5 + MARGIN / 2, 0.1, 0, 0)).toBe(-1); // overtaken, not clearly
    expect(at(FROM_WEEK + 3, 0.5, 0.5 - MARGIN / 2, 0.1, 0, 0)).toBe(-1); // back on top, not clearly
    expect(at(FROM_WEEK + 4, 0.4, 0.5, 0.1, 0, 0)).toBe(1); // R2 clearly
    expect(at(FROM_WEEK + 5, 0.01, MIN_SCORE / 2, 0, 0, 0)).toBe(-1); // nothing runs strongly
    expect(dominanceText([0.4, 0.5, 0.1, 0, 0], 1, 30)).toMatch(/^R2 vicious circle of cuts and pressure dominates now \(score 0\.50; next R1 virtuous circle \(0\.40\)\)/);
    expect(dominanceText([0.5, 0.52, 0.1, 0, 0], -1, 30)).toMatch(/^No loop clearly leads: R2 .* \(0\.52\) and R1 .* \(0\.50\) are close/);
    expect(dominanceText([0.01, 0.02, 0, 0, 0], -1, 1)).toMatch(/^No loop is named before week 13/);
  });

  test('in a baseline run no loop is named in the first quarter, and one is by week 30', () => {
    const sim = new Simulation(scenario('baseline', { seed: 1, reps: 1, weeks: 30 }), 0);
    const meter = new LoopMeter(sim.world);
    const d = new Dominance();
    const leaders: number[] = [];
    while (!sim.done) {
      sim.step();
      meter.update(sim.world);
      leaders.push(d.update(meter.score, sim.week));
    }
    expect(leaders.slice(0, FROM_WEEK - 1).every((l) => l === -1)).toBe(true);
    expect(leaders[29]).toBeGreaterThanOrEqual(0);
  });
});
