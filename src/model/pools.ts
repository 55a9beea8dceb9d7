/**
 * Allocation-free containers for millions of clients: typed arrays that grow by doubling,
 * FIFO queues and a weekly event calendar. Nothing here allocates per client per week.
 *
 * Why contiguous buffers rather than linked lists through one node pool (the first design):
 * at national scale the pools hold millions of nodes, and walking a list through a free list
 * that recycles nodes in LIFO order touches a random cache line per node and field. Appending
 * to and reading from one buffer per queue or per week is sequential, so the CPU prefetches it
 * (profile in bench/README.md). Order is unchanged: FIFO per queue and per week.
 */

export function grow<T extends Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a);
  return b;
}

const EMPTY = new Int32Array(0);

/**
 * Many FIFO queues (one per TSO, one per CLW), each a buffer of (client, stamp, week)
 * triples between `start` and `end`. shift() returns the client and leaves the stamp (to
 * recognise entries that went stale) and the week it was enqueued in `stamp` and `week`.
 */
export class QueuePool {
  private bufs: Int32Array[];
  private start: Int32Array;
  private end: Int32Array;
  /** Stamp and enqueue week of the entry last shifted. */
  stamp = 0;
  week = 0;

  constructor(queues: number) {
    this.bufs = new Array<Int32Array>(queues).fill(EMPTY);
    this.start = new Int32Array(queues);
    this.end = new Int32Array(queues);
  }

  push(q: number, client: number, stamp: number, week: number): void {
    let buf = this.bufs[q]!;
    let e = this.end[q]!;
    if (e * 3 === buf.length) {
      const s = this.start[q]!;
      if (s * 2 >= e && s > 0) {
        buf.copyWithin(0, s * 3, e * 3); // reuse the consumed front rather than grow
        e -= s;
        this.start[q] = 0;
      } else {
        buf = grow(buf, Math.max(12, buf.length * 2));
        this.bufs[q] = buf;
      }
    }
    buf[e * 3] = client;
    buf[e * 3 + 1] = stamp | 0;
    buf[e * 3 + 2] = week;
    this.end[q] = e + 1;
  }

  /** Remove the head entry of queue q and return its client (-1 if empty). */
  shift(q: number): number {
    const s = this.start[q]!;
    const e = this.end[q]!;
    if (s === e) return -1;
    const buf = this.bufs[q]!;
    const c = buf[s * 3]!;
    this.stamp = buf[s * 3 + 1]! >>> 0;
    this.week = buf[s * 3 + 2]!;
    if (s + 1 === e) this.start[q] = this.end[q] = 0;
    else this.start[q] = s + 1;
    return c;
  }

  isEmpty(q: number): boolean {
    return this.start[q] === this.end[q];
  }

  /** Empty queue q, calling fn(client, stamp, week) for each entry in order. */
  drain(q: number, fn: (client: number, stamp: number, week: number) => void): void {
    for (let c = this.shift(q); c >= 0; c = this.shift(q)) fn(c, this.stamp, this.week);
  }

  /** Grow the number of queues (new queues are empty). */
  addQueues(total: number): void {
    const old = this.bufs.length;
    if (total <= old) return;
    for (let q = old; q < total; q++) this.bufs.push(EMPTY);
    this.start = grow(this.start, total);
    this.end = grow(this.end, total);
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
  static readonly RING = 1024;
  private bufs = new Array<Int32Array>(Calendar.RING).fill(EMPTY);
  private len = new Int32Array(Calendar.RING);
  private spare: Int32Array[] = [];

  /** Schedule at an absolute week; delays beyond the ring are clamped to RING - 1 weeks. */
  add(week: number, now: number, client: number, seq: number): void {
    const b = Math.min(week, now + Calendar.RING - 1) & (Calendar.RING - 1);
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
    const b = week & (Calendar.RING - 1);
    for (let i = 0; i < this.len[b]!; i++) {
      const buf = this.bufs[b]!; // re-read: fn may grow it
      fn(buf[i * 2]!, buf[i * 2 + 1]! >>> 0);
    }
    this.len[b] = 0;
    if (this.bufs[b] !== EMPTY) this.spare.push(this.bufs[b]!);
    this.bufs[b] = EMPTY;
  }
}
