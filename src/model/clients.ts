/**
 * Client state as one record per client in a single buffer (array of structures).
 *
 * Why records and not one typed array per field: at national scale there are about a million
 * client slots (~80 MB), far beyond the CPU cache, and events reach clients in random order.
 * With one array per field, handling an event touched a separate cache line for each of the
 * ~10 fields it reads; with 80-byte records it touches one or two. The profile and before/after
 * figures are in bench/README.md. Values and their precision are exactly those of the per-field
 * arrays they replace (u8, i32, u32, f32, f64), so results are bit-identical.
 */
/** Most simultaneous referrals a client can hold (scattergun k). */
export const MAX_REFS = 4;

/** Bytes per client record. The fields read first by every event (state, seq) come first. */
const REC = 80;
const S8 = REC, S32 = REC / 4, S64 = REC / 8; // record stride in elements of each view
// Uint8 fields (byte offsets).
const STATE = 0, EXIT = 1, FLAGS = 2, NEED = 3, SESSIONS = 4, RETRIES = 5, END_DROP = 6, CLW_ONLY = 7;
// Float64 fields (offsets in 8-byte words): bytes 8-23.
const WELLBEING = 1, GP_RATE = 2;
// 32-bit fields (offsets in 4-byte words): bytes 24-71.
const SEQ = 6, REF_SEQ = 7, CLW = 8, TSO = 9, SINCE = 10, REF = 11; // REF..REF+3: referrals
const READINESS = 15, GP_BASE = 16, FIT = 17;

export class Clients {
  /** Slots in use (high-water mark). */
  n = 0;
  private u8!: Uint8Array;
  private i32!: Int32Array;
  private u32!: Uint32Array;
  private f32!: Float32Array;
  private f64!: Float64Array;

  constructor(capacity: number) {
    this.resize(capacity);
  }

  get capacity(): number {
    return this.u8.length / REC;
  }

  /** Grow to `capacity` records, keeping the existing ones; new records have no TSO or referral. */
  resize(capacity: number): void {
    const old = this.u8 ? this.capacity : 0;
    const buf = new ArrayBuffer(capacity * REC);
    if (this.u8) new Uint8Array(buf).set(this.u8);
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf);
    this.u32 = new Uint32Array(buf);
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
    for (let c = old; c < capacity; c++) {
      this.i32[c * S32 + TSO] = -1;
      for (let k = 0; k < MAX_REFS; k++) this.i32[c * S32 + REF + k] = -1;
    }
  }

  state(c: number): number { return this.u8[c * S8 + STATE]!; }
  setState(c: number, v: number): void { this.u8[c * S8 + STATE] = v; }
  exit(c: number): number { return this.u8[c * S8 + EXIT]!; }
  setExit(c: number, v: number): void { this.u8[c * S8 + EXIT] = v; }
  flags(c: number): number { return this.u8[c * S8 + FLAGS]!; }
  setFlags(c: number, v: number): void { this.u8[c * S8 + FLAGS] = v; }
  need(c: number): number { return this.u8[c * S8 + NEED]!; }
  setNeed(c: number, v: number): void { this.u8[c * S8 + NEED] = v; }
  sessions(c: number): number { return this.u8[c * S8 + SESSIONS]!; }
  setSessions(c: number, v: number): void { this.u8[c * S8 + SESSIONS] = v; }
  retries(c: number): number { return this.u8[c * S8 + RETRIES]!; }
  setRetries(c: number, v: number): void { this.u8[c * S8 + RETRIES] = v; }
  /** 1 = needs the CLW's support only, no TSO programme. */
  clwOnly(c: number): number { return this.u8[c * S8 + CLW_ONLY]!; }
  setClwOnly(c: number, v: number): void { this.u8[c * S8 + CLW_ONLY] = v; }
  /** How the scheduled event ends: drop-out vs completion, leaving the CLW, pending re-referral. */
  endDrop(c: number): number { return this.u8[c * S8 + END_DROP]!; }
  setEndDrop(c: number, v: number): void { this.u8[c * S8 + END_DROP] = v; }

  wellbeing(c: number): number { return this.f64[c * S64 + WELLBEING]!; }
  setWellbeing(c: number, v: number): void { this.f64[c * S64 + WELLBEING] = v; }
  /** This client's current weekly GP rate (part of w.gpRateSum). */
  gpRate(c: number): number { return this.f64[c * S64 + GP_RATE]!; }
  setGpRate(c: number, v: number): void { this.f64[c * S64 + GP_RATE] = v; }

  /** Event sequence: an event is live while equal. */
  seq(c: number): number { return this.u32[c * S32 + SEQ]!; }
  setSeq(c: number, v: number): void { this.u32[c * S32 + SEQ] = v; }
  /** Referral round: a queue entry is live while equal. */
  refSeq(c: number): number { return this.u32[c * S32 + REF_SEQ]!; }
  setRefSeq(c: number, v: number): void { this.u32[c * S32 + REF_SEQ] = v; }
  clw(c: number): number { return this.i32[c * S32 + CLW]!; }
  setClw(c: number, v: number): void { this.i32[c * S32 + CLW] = v; }
  tso(c: number): number { return this.i32[c * S32 + TSO]!; }
  setTso(c: number, v: number): void { this.i32[c * S32 + TSO] = v; }
  /** Week the current state began. */
  since(c: number): number { return this.i32[c * S32 + SINCE]!; }
  setSince(c: number, v: number): void { this.i32[c * S32 + SINCE] = v; }
  /** Referral k (0..MAX_REFS-1) of c: a TSO id, or -1 for none / withdrawn. */
  ref(c: number, k: number): number { return this.i32[c * S32 + REF + k]!; }
  setRef(c: number, k: number, j: number): void { this.i32[c * S32 + REF + k] = j; }

  readiness(c: number): number { return this.f32[c * S32 + READINESS]!; }
  setReadiness(c: number, v: number): void { this.f32[c * S32 + READINESS] = v; }
  gpBase(c: number): number { return this.f32[c * S32 + GP_BASE]!; }
  setGpBase(c: number, v: number): void { this.f32[c * S32 + GP_BASE] = v; }
  fit(c: number): number { return this.f32[c * S32 + FIT]!; }
  setFit(c: number, v: number): void { this.f32[c * S32 + FIT] = v; }
}
