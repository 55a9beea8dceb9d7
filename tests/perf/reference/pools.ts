/**
 * Allocation-free containers for millions of clients: typed arrays that grow by doubling,
 * FIFO queues threaded through one shared node pool, and a weekly event calendar.
 * Nothing here allocates per client per week.
 */

export function grow<T extends Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a);
  return b;
}

/**
 * Many FIFO queues (one per TSO, one per CLW) sharing one node pool. A node holds a client,
 * a stamp (to recognise entries that went stale) and the week it was enqueued.
 */
export class QueuePool {
  client: Int32Array;
  stamp: Uint32Array;
  week: Int32Array;
  next: Int32Array;
  head: Int32Array;
  tail: Int32Array;
  private free = -1;
  private used = 0;

  constructor(queues: number, capacity = 1024) {
    this.client = new Int32Array(capacity);
    this.stamp = new Uint32Array(capacity);
    this.week = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.head = new Int32Array(queues).fill(-1);
    this.tail = new Int32Array(queues).fill(-1);
  }

  private alloc(): number {
    if (this.free >= 0) {
      const n = this.free;
      this.free = this.next[n]!;
      return n;
    }
    if (this.used === this.client.length) {
      const cap = this.client.length * 2;
      this.client = grow(this.client, cap);
      this.stamp = grow(this.stamp, cap);
      this.week = grow(this.week, cap);
      this.next = grow(this.next, cap);
    }
    return this.used++;
  }

  push(q: number, client: number, stamp: number, week: number): void {
    const n = this.alloc();
    this.client[n] = client;
    this.stamp[n] = stamp;
    this.week[n] = week;
    this.next[n] = -1;
    if (this.tail[q]! < 0) this.head[q] = n;
    else this.next[this.tail[q]!] = n;
    this.tail[q] = n;
  }

  /** Remove the head node of queue q and return it (its fields stay readable until the next push). */
  shift(q: number): number {
    const n = this.head[q]!;
    if (n < 0) return -1;
    this.head[q] = this.next[n]!;
    if (this.head[q]! < 0) this.tail[q] = -1;
    this.next[n] = this.free;
    this.free = n;
    return n;
  }

  isEmpty(q: number): boolean {
    return this.head[q]! < 0;
  }

  /** Empty queue q, calling fn for each node in order. */
  drain(q: number, fn: (node: number) => void): void {
    for (let n = this.shift(q); n >= 0; n = this.shift(q)) fn(n);
  }

  /** Grow the number of queues (new queues are empty). */
  addQueues(total: number): void {
    if (total <= this.head.length) return;
    const old = this.head.length;
    this.head = grow(this.head, total);
    this.tail = grow(this.tail, total);
    this.head.fill(-1, old);
    this.tail.fill(-1, old);
  }
}

/**
 * A weekly event calendar: a ring of buckets, one per week, each a FIFO list of
 * (client, sequence) events. An event is live only while its sequence equals the client's
 * current sequence, so rescheduling a client cancels its old event without searching.
 */
export class Calendar {
  static readonly RING = 1024;
  client: Int32Array;
  seq: Uint32Array;
  next: Int32Array;
  head = new Int32Array(Calendar.RING).fill(-1);
  tail = new Int32Array(Calendar.RING).fill(-1);
  private free = -1;
  private used = 0;

  constructor(capacity = 1024) {
    this.client = new Int32Array(capacity);
    this.seq = new Uint32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  /** Schedule at an absolute week; delays beyond the ring are clamped to RING - 1 weeks. */
  add(week: number, now: number, client: number, seq: number): void {
    const w = Math.min(week, now + Calendar.RING - 1);
    let n: number;
    if (this.free >= 0) {
      n = this.free;
      this.free = this.next[n]!;
    } else {
      if (this.used === this.client.length) {
        const cap = this.client.length * 2;
        this.client = grow(this.client, cap);
        this.seq = grow(this.seq, cap);
        this.next = grow(this.next, cap);
      }
      n = this.used++;
    }
    this.client[n] = client;
    this.seq[n] = seq;
    this.next[n] = -1;
    const b = w & (Calendar.RING - 1);
    if (this.tail[b]! < 0) this.head[b] = n;
    else this.next[this.tail[b]!] = n;
    this.tail[b] = n;
  }

  /**
   * Call fn(client, seq) for every event of `week`, in the order scheduled, including events
   * that fn itself schedules for this same week.
   */
  drain(week: number, fn: (client: number, seq: number) => void): void {
    const b = week & (Calendar.RING - 1);
    for (;;) {
      const n = this.head[b]!;
      if (n < 0) break;
      this.head[b] = this.next[n]!;
      if (this.head[b]! < 0) this.tail[b] = -1;
      const c = this.client[n]!;
      const s = this.seq[n]!;
      this.next[n] = this.free;
      this.free = n;
      fn(c, s);
    }
  }
}
