/** `clwsim explore` and the pieces of the explorer that run without a browser. */
import { describe, test, expect, onTestFinished } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/program.js';
import { Simulation } from '../../src/model/simulate.js';
import { trajectoriesCsv as cliCsv } from '../../src/scenario/tables.js';
import { trajectoriesCsv } from '../../src/explorer/trajectories.js';
import { LINKS, LOOPS, LoopMeter, NODES, inLoop, measureLinks } from '../../src/explorer/loops.js';
import { bundledScenarios } from '../../src/cli/explorerBuild.js';
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
});
