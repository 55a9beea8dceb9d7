// The client record store (clients.ts): one 64-byte record per client, fields that keep their
// values across growth, and TSO ids in 16 bits with the limit enforced where scenarios are built.
import { describe, expect, it } from 'vitest';
import { Clients, MAX_REFS, MAX_TSOS } from '../../src/model/clients.js';
import { createWorld } from '../../src/model/createWorld.js';
import { buildScenario, defaultScenario } from '../../src/scenario/build.js';
import { InputError } from '../../src/scenario/errors.js';

describe('client records', () => {
  it('stores every TSO id from 0 to MAX_TSOS - 1, and none (-1), in the TSO and referral fields', () => {
    const cl = new Clients(4);
    for (const j of [-1, 0, 1, 255, 256, 40000, MAX_TSOS - 1]) {
      cl.setTso(2, j);
      expect(cl.tso(2)).toBe(j);
      for (let k = 0; k < MAX_REFS; k++) {
        cl.setRef(2, k, j);
        expect(cl.ref(2, k)).toBe(j);
      }
    }
    // Neighbouring records are untouched: a record is exactly its own 64 bytes.
    expect(cl.tso(1)).toBe(-1);
    expect(cl.tso(3)).toBe(-1);
    expect(cl.u8.subarray(0, 128).every((b) => b === 0)).toBe(true);
    expect(cl.u8.subarray(192, 256).every((b) => b === 0)).toBe(true);
  });

  it('keeps every field of every record when it grows, and fresh records read as empty', () => {
    const cl = new Clients(1024);
    const n = cl.capacity;
    for (let c = 0; c < n; c++) {
      cl.setState(c, c % 6);
      cl.setSeq(c, 4_000_000_000 - c);
      cl.setClw(c, c % 3500);
      cl.setSince(c, c % 5200);
      cl.setTso(c, c % MAX_TSOS);
      cl.setRef(c, 3, (c * 7) % MAX_TSOS);
      cl.setWellbeing(c, c / 1e4);
      cl.setFit(c, 0.25);
      cl.setWaitType(c, c % 4);
    }
    // Within the plain buffer, into the page-aligned memory (4 MB: 65,536 records), within that.
    for (const grown of [n * 3, 70_000, 200_000]) {
      cl.resize(grown);
      expect(cl.capacity).toBeGreaterThanOrEqual(grown);
      for (let c = 0; c < n; c++) {
        expect([cl.state(c), cl.seq(c), cl.clw(c), cl.since(c), cl.tso(c), cl.ref(c, 3), cl.wellbeing(c), cl.fit(c), cl.waitType(c)])
          .toEqual([c % 6, 4_000_000_000 - c, c % 3500, c % 5200, c % MAX_TSOS, (c * 7) % MAX_TSOS, c / 1e4, 0.25, c % 4]);
      }
      expect([cl.state(n), cl.tso(n), cl.ref(n, 0), cl.seq(n), cl.tso(grown - 1)]).toEqual([0, -1, -1, 0, -1]);
    }
  });

  it('refuses more TSOs than 16-bit ids can name, with one line naming the file and field', () => {
    const s = defaultScenario();
    const over = { ...s, params: { ...s.params, tso: { ...s.params.tso, count: { crisis: 16000, mh: 16000, activity: 16000, specialist: 17535 } } } };
    expect(() => buildScenario('big.yaml', over)).toThrow(InputError);
    expect(() => buildScenario('big.yaml', over)).toThrow('big.yaml: params.tso.count: expected at most 65534 TSOs in all (the engine keeps TSO ids in 16 bits), got 65535');
    const at = { ...s, params: { ...s.params, tso: { ...s.params.tso, count: { crisis: 16000, mh: 16000, activity: 16000, specialist: 17534 } } } };
    expect(() => buildScenario('big.yaml', at)).not.toThrow();
    expect(() => createWorld(over, 1)).toThrow(RangeError);
    // An area's register: the limit names the register.
    const org = { id: 'x', name: 'x', type: 'activity' as const, grant: 1000, costPerPlace: 1000, costRef: 1000, programmeWeeks: 8, otherIncome: 0 };
    const area = { ...s, organisations: Array.from({ length: MAX_TSOS + 1 }, (_, k) => ({ ...org, id: `o${k}` })) };
    expect(() => buildScenario('area.yaml', area)).toThrow('area.yaml: organisations: expected at most 65534 TSOs in all');
  });
});
