/**
 * Allocation-free containers for millions of clients: typed arrays that grow by doubling,
 * FIFO queues and a weekly event calendar. Nothing here allocates per client per week.
 *
 * Why chunks and per-week buffers rather than linked lists through one node pool (the first
 * design): at national scale the pools hold millions of nodes, and walking a list through a
 * free list that recycles nodes in LIFO order touches a random cache line per node and field.
 * Reading and writing runs of entries in one buffer is sequential, so the CPU prefetches it
 * (profile in bench/README.md). Order is unchanged: FIFO per queue and per week.
 */
import type { Clients } from './clients.js';

export function grow<T extends Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a);
  return b;
}

/** Shared empty buffer of calendar buckets with no events. */
const EMPTY = new Int32Array(0);

/**
 * Sizes, as a const enum so that tsc writes them into the code as literals: a module-level const
 * is read from the module's context with a check for its temporal dead zone at every use.
 * TOUCH: events (or queue heads) whose client records are touched together before they are
 * handled: enough misses in flight to overlap, few enough that the records are still in L1 when used.
 */
export const enum Size {
  TOUCH = 16,
  CHUNK = 8, // queue entries per chunk: most TSO lists are a few dozen entries
  CW = 25, // words per chunk: CHUNK (client, stamp, week) entries, then the next chunk (-1 = none)
  NEXT = 24, // the next-chunk word: CHUNK * 3
  RING = 1024, // calendar weeks
}

/**
 * Many FIFO queues (one per TSO, one per CLW) in one pool of fixed-size chunks, each chunk
 * holding Size.CHUNK (client, stamp, week) entries: an unrolled linked list. A queue reads and
 * writes whole chunks in order, and all queues share one buffer, so a push or shift costs one
 * cache line rather than the three dependent loads of a separate typed array per queue.
 * shift() returns the client and leaves the entry's stamp (to recognise entries that went
 * stale) and enqueue week in `stamp` and `week`.
 */

export class QueuePool {
  private pool = new Int32Array(Size.CW * 1024);
  private used = 0; // chunks ever allocated
  private free = -1; // chunks free for reuse, linked through their next word
  private declare headChunk: Int32Array;
  private declare headPos: Int32Array; // next entry to read in the head chunk
  private declare tailChunk: Int32Array;
  private declare tailPos: Int32Array; // next entry to write in the tail chunk
  /** Stamp and enqueue week of the entry last shifted. */
  stamp = 0;
  week = 0;
  private readonly heads = new Int32Array(Size.TOUCH); // touchHeads' scratch
  /** What callers' touches read (kept so that they are not optimised away). */
  sink = 0;

  constructor(queues: number) {
    this.headChunk = new Int32Array(queues).fill(-1);
    this.headPos = new Int32Array(queues);
    this.tailChunk = new Int32Array(queues).fill(-1);
    this.tailPos = new Int32Array(queues);
  }

  private allocChunk(): number {
    let k = this.free;
    if (k >= 0) this.free = this.pool[k * Size.CW + Size.NEXT]!;
    else {
      if ((this.used + 1) * Size.CW > this.pool.length) this.pool = grow(this.pool, this.pool.length * 2);
      k = this.used++;
    }
    this.pool[k * Size.CW + Size.NEXT] = -1;
    return k;
  }

  push(q: number, client: number, stamp: number, week: number): void {
    let k = this.tailChunk[q]!;
    let pos = this.tailPos[q]!;
    if (k < 0 || pos === Size.CHUNK) {
      const fresh = this.allocChunk();
      if (k < 0) {
        this.headChunk[q] = fresh;
        this.headPos[q] = 0;
      } else this.pool[k * Size.CW + Size.NEXT] = fresh;
      k = fresh;
      pos = 0;
      this.tailChunk[q] = k;
    }
    const o = k * Size.CW + pos * 3;
    this.pool[o] = client;
    this.pool[o + 1] = stamp | 0;
    this.pool[o + 2] = week;
    this.tailPos[q] = pos + 1;
  }

  /** Remove the head entry of queue q and return its client (-1 if empty). */
  shift(q: number): number {
    const k = this.headChunk[q]!;
    if (k < 0) return -1;
    const pos = this.headPos[q]!;
    if (k === this.tailChunk[q] && pos === this.tailPos[q]) return -1;
    const o = k * Size.CW + pos * 3;
    const c = this.pool[o]!;
    this.stamp = this.pool[o + 1]! >>> 0;
    this.week = this.pool[o + 2]!;
    if (k === this.tailChunk[q] && pos + 1 === this.tailPos[q]) {
      // Emptied: release the chunk so an idle queue holds no memory.
      this.releaseChunk(k);
      this.headChunk[q] = this.tailChunk[q] = -1;
      this.headPos[q] = this.tailPos[q] = 0;
    } else if (pos + 1 === Size.CHUNK) {
      this.headChunk[q] = this.pool[k * Size.CW + Size.NEXT]!;
      this.headPos[q] = 0;
      this.releaseChunk(k);
    } else this.headPos[q] = pos + 1;
    return c;
  }

  private releaseChunk(k: number): void {
    this.pool[k * Size.CW + Size.NEXT] = this.free;
    this.free = k;
  }

  /** Enqueue week of the head entry of queue q (Infinity when it is empty); the entry stays. */
  headWeek(q: number): number {
    const k = this.headChunk[q]!;
    if (k < 0) return Number.POSITIVE_INFINITY;
    const pos = this.headPos[q]!;
    if (k === this.tailChunk[q] && pos === this.tailPos[q]) return Number.POSITIVE_INFINITY;
    return this.pool[k * Size.CW + pos * 3 + 2]!;
  }

  /**
   * Touch the head entry of queues from..to-1 and then the record of each head's client (two
   * rounds of loads, each in parallel: see Size.TOUCH), before they are shifted. Returns what
   * was read, for the caller to keep.
   */
  touchHeads(from: number, to: number, records: Clients): number {
    const heads = this.heads;
    let n = 0;
    for (let q = from; q < to; q++) {
      const k = this.headChunk[q]!;
      if (k >= 0) heads[n++] = this.pool[k * Size.CW + this.headPos[q]! * 3]!;
    }
    let sink = 0;
    for (let m = 0; m < n; m++) sink += records.touch(heads[m]!);
    return sink;
  }

  isEmpty(q: number): boolean {
    return this.headChunk[q]! < 0;
  }

  /** Empty queue q, calling fn(client, stamp, week) for each entry in order. */
  drain(q: number, fn: (client: number, stamp: number, week: number) => void): void {
    for (let c = this.shift(q); c >= 0; c = this.shift(q)) fn(c, this.stamp, this.week);
  }

  /** Grow the number of queues (new queues are empty). */
  addQueues(total: number): void {
    const old = this.headChunk.length;
    if (total <= old) return;
    this.headChunk = grow(this.headChunk, total);
    this.headPos = grow(this.headPos, total);
    this.tailChunk = grow(this.tailChunk, total);
    this.tailPos = grow(this.tailPos, total);
    this.headChunk.fill(-1, old);
    this.tailChunk.fill(-1, old);
  }
}

/**
 * A weekly event calendar: a ring of buckets, one per week, each a buffer of (client, sequence)
 * pairs in the order scheduled. An event is live only while its sequence equals the client's
 * current sequence, so rescheduling a client cancels its old event without searching.
 * A drained bucket hands its buffer to the next bucket that needs one, so memory follows the
 * events pending, not the ring size.
 */
export class Calendar {
  static readonly RING = Size.RING;
  private bufs = new Array<Int32Array>(Size.RING).fill(EMPTY);
  private len = new Int32Array(Size.RING);
  private spare: Int32Array[] = [];
  /** What the touches read (kept so that they are not optimised away). */
  sink = 0;

  /**
   * `records`: the client records the events refer to; drain() touches them in batches of
   * Size.TOUCH before handling them (a calendar of TSO ids has none).
   */
  constructor(private readonly records?: Clients) {}

  /** Schedule at an absolute week; delays beyond the ring are clamped to RING - 1 weeks. */
  add(week: number, now: number, client: number, seq: number): void {
    const b = Math.min(week, now + Size.RING - 1) & (Size.RING - 1);
    let buf = this.bufs[b]!;
    const n = this.len[b]!;
    if (n * 2 === buf.length) {
      const next = n === 0 ? this.spare.pop() : undefined;
      buf = next ?? grow(buf, Math.max(64, buf.length * 2));
      this.bufs[b] = buf;
    }
    buf[n * 2] = client;
    buf[n * 2 + 1] = seq | 0;
    this.len[b] = n + 1;
  }

  /**
   * Call fn(client, seq) for every event of `week`, in the order scheduled, including events
   * that fn itself schedules for this same week.
   */
  drain(week: number, fn: (client: number, seq: number) => void): void {
    const b = week & (Size.RING - 1);
    const records = this.records;
    let sink = 0;
    for (let i = 0; i < this.len[b]!; i++) {
      const buf = this.bufs[b]!; // re-read: fn may grow it
      if (records !== undefined && i % Size.TOUCH === 0) {
        const end = Math.min(this.len[b]!, i + Size.TOUCH);
        for (let k = i; k < end; k++) sink += records.touch(buf[k * 2]!);
      }
      fn(buf[i * 2]!, buf[i * 2 + 1]! >>> 0);
    }
    this.sink = (this.sink + sink) | 0;
    this.len[b] = 0;
    if (this.bufs[b] !== EMPTY) this.spare.push(this.bufs[b]!);
    this.bufs[b] = EMPTY;
  }
}
