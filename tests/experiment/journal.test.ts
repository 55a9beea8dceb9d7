/**
 * The append-only journal: whole lines only, a torn last record cut off on reopen and skipped
 * on reading, and a sweep stopped at any run resumed from it into exactly the files of an
 * uninterrupted sweep (in memory; tests/experiment/sweep.cli.test.ts kills a real process).
 */
import { describe, expect, test, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { completeLines, Journal, JOURNAL_LOG } from '../../src/experiment/journal.js';
import { MemoryStore, type Log } from '../../src/experiment/store.js';
import { FileStore } from '../../src/io/fileStore.js';
import { runSweep } from '../../src/experiment/sweep.js';
import { loadSweep } from '../../src/io/sweepFile.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-journal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const prov = { version: 'test', model: 'test' };

describe('lines and logs', () => {
  test('complete lines across pieces; a last line without its newline is left out', () => {
    expect([...completeLines(['a\nb', 'c\n', '\nd', 'e'])]).toEqual(['a', 'bc', '']);
    expect([...completeLines([])]).toEqual([]);
  });

  test.each(['file', 'memory'])('a %s log cuts a torn last record when reopened; records() skips it', (kind) => {
    const st = kind === 'file' ? new FileStore(join(tmp, 'log')) : new MemoryStore();
    const j = new Journal(st);
    j.create({ sweep: 1 });
    j.add({ point: 0, rep: 0, seed: 1, ok: true, values: [1.5] });
    j.add({ point: 0, rep: 1, seed: 2, ok: false, error: 'x ≤ y' });
    j.close();
    // a writer killed in the middle of its third record
    if (st instanceof FileStore) writeFileSync(join(tmp, 'log', JOURNAL_LOG), `${readFileSync(join(tmp, 'log', JOURNAL_LOG), 'utf8')}{"point":1,"re`);
    else st.write(JOURNAL_LOG, `${st.read(JOURNAL_LOG)}{"point":1,"re`);
    expect([...j.records()].map((r) => [r.point, r.rep, r.error])).toEqual([[0, 0, undefined], [0, 1, 'x ≤ y']]);
    j.add({ point: 1, rep: 0, seed: 3, ok: true, values: [2] });
    j.close();
    expect(st.read(JOURNAL_LOG)!.split('\n').filter(Boolean).map((l) => JSON.parse(l).seed)).toEqual([1, 2, 3]);
  });
});

/** A store whose journal stops after `n` records (as a killed process would). */
class Stopping extends MemoryStore {
  constructor(private n: number) {
    super();
  }
  override log(name: string): Log {
    const inner = super.log(name);
    return { append: (t) => {
      if (this.n-- <= 0) throw new Error('stopped');
      inner.append(t);
    }, close: () => inner.close() };
  }
}

describe('resume from the journal', () => {
  const f = join(tmp, 's.yaml');
  writeFileSync(f, `scenario: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nfactors:\n  practice.scatterShare: [0.1, 0.3, 0.5, 0.7]\n  clw.count: { min: 8, max: 20 }\nsamples: 5\nreps: 2\nweeks: 20\nwarmup: 5\nkeep: trajectories\nmetrics: [waitlist_total, trust_mean]\n`);

  test.each([0, 1, 13, 39])('stopped after %i runs (and a torn record): resumed, the same files as an uninterrupted sweep', async (n) => {
    const sweep = loadSweep(f);
    const whole = new MemoryStore();
    await runSweep(sweep, { store: whole, provenance: prov, workers: 1 });
    const cut = new Stopping(n);
    await expect(runSweep(sweep, { store: cut, provenance: prov, workers: 1 })).rejects.toThrow('stopped');
    expect(cut.read('manifest.json')).toBeUndefined();
    const again = new MemoryStore();
    for (const [k, v] of cut.files) again.files.set(k, v);
    again.write(JOURNAL_LOG, `${again.read(JOURNAL_LOG) ?? ''}{"point":7,"rep":`);
    const r = await runSweep(sweep, { store: again, provenance: prov, workers: 1, resume: true });
    expect([r.resumed, r.ranNow]).toEqual([n, 40 - n]);
    expect([...again.files.keys()].sort()).toEqual([...whole.files.keys()].sort());
    for (const [k, v] of whole.files) expect(again.read(k), k).toBe(v);
  });
});
