/**
 * Client state as one record per client in a single buffer (array of structures).
 *
 * Why records and not one typed array per field: at national scale there are about a million
 * client slots (~60 MB), far beyond the CPU cache, and events reach clients in random order.
 * With one array per field, handling an event touched a separate cache line for each of the
 * ~10 fields it reads; with records it touches one. A record is 64 bytes, one cache line, in a
 * page-aligned buffer when there are many (a WebAssembly.Memory: a large ArrayBuffer from the C
 * allocator starts 16 bytes into a page, so 64-byte records would straddle two lines again); the
 * 80-byte records before always spanned two. TSO ids are stored in 16 bits to fit (MAX_TSOS).
 * The profile and before/after figures are in bench/README.md. Values and their precision are
 * exactly those of the per-field arrays they replace (u8, u16 for TSO ids, i32, u32, f32, f64), so
 * results are bit-identical.
 */
/** Most TSOs a world can hold: a record stores a TSO id + 1 in 16 bits (0 = none). */
export const MAX_TSOS = 65534;
/** Bytes in a WebAssembly page. */
const PAGE = 65536;
/**
 * Records beyond the cache (4 MB and up: a national run) go in a page-aligned WebAssembly.Memory,
 * so that each is one cache line. A smaller set (a city run: ~250 kB) stays cache-resident either
 * way, and there a plain ArrayBuffer is cheaper: each new Memory maps (and at the end unmaps) a
 * large reserved region, which made the city run 5-6% slower (bench/README.md).
 */
const ALIGNED_FROM = 1 << 22;
/** Most simultaneous referrals a client can hold (scattergun k). */
export const MAX_REFS = 4;

/*
 * The outcome of a client's pending event is drawn when the event is scheduled and kept in one
 * byte, read as one of these by state (each accessor below names which).
 */
/** WITH_CLW: what happens when the sessions end. */
export const enum ClwOutcome {
  REFER = 0, // refer on to a TSO (also after a closure or a refusal sends the client back)
  DECLINE = 1, // leaves the CLW before being referred
  RESOLVED = 2, // the CLW's sessions and signposting met the need
}
/** ENGAGED: how the programme at the TSO ends. */
export const enum TsoOutcome {
  COMPLETE = 0,
  DROP = 1,
}
/** EXITED: what ends the observation window. */
export const enum AfterExit {
  OBSERVATION_END = 0, // the slot is freed
  REREFERRAL = 1, // the GP refers the person again (a new episode)
}

/**
 * Record layout. A const enum, so tsc writes the numbers into each accessor: V8 inlines small
 * functions within a bytecode budget per optimised function, and literal offsets keep the
 * accessors small enough that the hot mechanisms inline all of them (measured in bench/README.md).
 * The fields read first by every event (state, seq) come first. Exported for the few hottest
 * functions (lifecycle.setState) that read the views directly: a call site the optimiser judged
 * cold when it compiled the function (the set-up's mix of events differs from the run's) keeps
 * an out-of-line accessor call for the whole run.
 */
export const enum L {
  REC = 64, // bytes per client: one cache line (page-aligned from ALIGNED_FROM bytes: see resize)
  // biome-ignore lint/suspicious/noDuplicateEnumValues: the Uint8 stride is the record size in bytes, by design
  S8 = 64, S16 = 32, S32 = 16, S64 = 8, // record stride in elements of each view
  // Uint8 fields (byte offsets).
  STATE = 0, EXIT = 1, FLAGS = 2, NEED = 3, SESSIONS = 4, RETRIES = 5, OUTCOME = 6, CLW_ONLY = 7,
  // Float64 fields (offsets in 8-byte words): bytes 8-23.
  WELLBEING = 1, GP_RATE = 2,
  // 32-bit fields (offsets in 4-byte words): bytes 24-51.
  SEQ = 6, REF_SEQ = 7, CLW = 8, SINCE = 9, READINESS = 10, GP_BASE = 11, FIT = 12,
  // 16-bit fields (offsets in 2-byte words): bytes 52-61. TSO and REF hold a TSO id + 1 (0 = none).
  TSO = 26, REF = 27, // REF..REF+3: referrals
  // Uint8 fields after those (byte offsets): bytes 62-63.
  WAIT_TYPE = 62,
}

export class Clients {
  /** Slots in use (high-water mark). */
  n = 0;
  /** The records' memory from ALIGNED_FROM bytes on: page-aligned, grown in place (a new buffer each time). */
  private mem: WebAssembly.Memory | undefined;
  // Initialised to empty views (never undefined), so V8 knows each field's array type for good.
  // Views of the one buffer, replaced when it grows: read them through this object, never keep them.
  u8 = new Uint8Array(0);
  u16 = new Uint16Array(0);
  i32 = new Int32Array(0);
  u32 = new Uint32Array(0);
  f32 = new Float32Array(0);
  f64 = new Float64Array(0);

  constructor(capacity: number) {
    this.resize(capacity);
  }

  get capacity(): number {
    return this.u8.length / L.REC; // a whole number: PAGE is a multiple of L.REC
  }

  /**
   * Grow to at least `capacity` records, keeping the existing ones. New records are all zeros,
   * which reads as no TSO and no referral: those fields hold the TSO id + 1, so a fresh buffer
   * needs no loop over a million records to set them to -1 (a third of the national set-up).
   */
  resize(capacity: number): void {
    let buf: ArrayBuffer;
    if (capacity * L.REC < ALIGNED_FROM) {
      buf = new ArrayBuffer(capacity * L.REC);
      new Uint8Array(buf).set(this.u8);
    } else {
      const pages = Math.ceil((capacity * L.REC) / PAGE);
      if (this.mem === undefined) {
        this.mem = new WebAssembly.Memory({ initial: pages });
        new Uint8Array(this.mem.buffer).set(this.u8);
      } else if (pages > this.mem.buffer.byteLength / PAGE) this.mem.grow(pages - this.mem.buffer.byteLength / PAGE);
      buf = this.mem.buffer;
    }
    this.u8 = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.i32 = new Int32Array(buf);
    this.u32 = new Uint32Array(buf);
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
  }

  /**
   * Read record c (one cache line) and return what was read, to be kept by the caller so the
   * load is not optimised away. Touching a batch of records in a tight loop before handling their
   * events lets the CPU fetch them from memory in parallel instead of one miss at a time (pools.ts,
   * bench/README.md).
   */
  touch(c: number): number { return this.u8[c * L.S8 + L.STATE]!; }

  state(c: number): number { return this.u8[c * L.S8 + L.STATE]!; }
  setState(c: number, v: number): void { this.u8[c * L.S8 + L.STATE] = v; }
  exit(c: number): number { return this.u8[c * L.S8 + L.EXIT]!; }
  setExit(c: number, v: number): void { this.u8[c * L.S8 + L.EXIT] = v; }
  flags(c: number): number { return this.u8[c * L.S8 + L.FLAGS]!; }
  setFlags(c: number, v: number): void { this.u8[c * L.S8 + L.FLAGS] = v; }
  need(c: number): number { return this.u8[c * L.S8 + L.NEED]!; }
  setNeed(c: number, v: number): void { this.u8[c * L.S8 + L.NEED] = v; }
  sessions(c: number): number { return this.u8[c * L.S8 + L.SESSIONS]!; }
  setSessions(c: number, v: number): void { this.u8[c * L.S8 + L.SESSIONS] = v; }
  retries(c: number): number { return this.u8[c * L.S8 + L.RETRIES]!; }
  setRetries(c: number, v: number): void { this.u8[c * L.S8 + L.RETRIES] = v; }
  /** 1 = needs the CLW's support only, no TSO programme. */
  clwOnly(c: number): number { return this.u8[c * L.S8 + L.CLW_ONLY]!; }
  setClwOnly(c: number, v: number): void { this.u8[c * L.S8 + L.CLW_ONLY] = v; }
  /** While WITH_CLW: what the end of the sessions brings. */
  clwOutcome(c: number): ClwOutcome { return this.u8[c * L.S8 + L.OUTCOME]!; }
  setClwOutcome(c: number, v: ClwOutcome): void { this.u8[c * L.S8 + L.OUTCOME] = v; }
  /** While ENGAGED: completion or drop-out at the scheduled end. */
  tsoOutcome(c: number): TsoOutcome { return this.u8[c * L.S8 + L.OUTCOME]!; }
  setTsoOutcome(c: number, v: TsoOutcome): void { this.u8[c * L.S8 + L.OUTCOME] = v; }
  /** While EXITED: end of observation or a pending GP re-referral. */
  afterExit(c: number): AfterExit { return this.u8[c * L.S8 + L.OUTCOME]!; }
  setAfterExit(c: number, v: AfterExit): void { this.u8[c * L.S8 + L.OUTCOME] = v; }

  /** While WAIT_TSO: the TSO type it is waiting for (all of a client's referrals are of one type). */
  waitType(c: number): number { return this.u8[c * L.S8 + L.WAIT_TYPE]!; }
  setWaitType(c: number, v: number): void { this.u8[c * L.S8 + L.WAIT_TYPE] = v; }

  wellbeing(c: number): number { return this.f64[c * L.S64 + L.WELLBEING]!; }
  setWellbeing(c: number, v: number): void { this.f64[c * L.S64 + L.WELLBEING] = v; }
  /** This client's current weekly GP rate (part of w.gpRateSum). */
  gpRate(c: number): number { return this.f64[c * L.S64 + L.GP_RATE]!; }
  setGpRate(c: number, v: number): void { this.f64[c * L.S64 + L.GP_RATE] = v; }

  /** Event sequence: an event is live while equal. */
  seq(c: number): number { return this.u32[c * L.S32 + L.SEQ]!; }
  setSeq(c: number, v: number): void { this.u32[c * L.S32 + L.SEQ] = v; }
  /** Referral round: a queue entry is live while equal. */
  refSeq(c: number): number { return this.u32[c * L.S32 + L.REF_SEQ]!; }
  setRefSeq(c: number, v: number): void { this.u32[c * L.S32 + L.REF_SEQ] = v; }
  clw(c: number): number { return this.i32[c * L.S32 + L.CLW]!; }
  setClw(c: number, v: number): void { this.i32[c * L.S32 + L.CLW] = v; }
  tso(c: number): number { return this.u16[c * L.S16 + L.TSO]! - 1; }
  setTso(c: number, v: number): void { this.u16[c * L.S16 + L.TSO] = v + 1; }
  /** Week the current state began. */
  since(c: number): number { return this.i32[c * L.S32 + L.SINCE]!; }
  setSince(c: number, v: number): void { this.i32[c * L.S32 + L.SINCE] = v; }
  /** Referral k (0..MAX_REFS-1) of c: a TSO id, or -1 for none / withdrawn. */
  ref(c: number, k: number): number { return this.u16[c * L.S16 + L.REF + k]! - 1; }
  setRef(c: number, k: number, j: number): void { this.u16[c * L.S16 + L.REF + k] = j + 1; }

  readiness(c: number): number { return this.f32[c * L.S32 + L.READINESS]!; }
  setReadiness(c: number, v: number): void { this.f32[c * L.S32 + L.READINESS] = v; }
  gpBase(c: number): number { return this.f32[c * L.S32 + L.GP_BASE]!; }
  setGpBase(c: number, v: number): void { this.f32[c * L.S32 + L.GP_BASE] = v; }
  fit(c: number): number { return this.f32[c * L.S32 + L.FIT]!; }
  setFit(c: number, v: number): void { this.f32[c * L.S32 + L.FIT] = v; }
}
